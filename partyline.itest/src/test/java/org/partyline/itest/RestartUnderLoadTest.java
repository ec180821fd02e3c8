package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.itest.support.Askers;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;
import org.partyline.itest.support.Web;

/**
 * Stopping the implementation while four threads ask returns a clear exception to them, never a hang or a wrong
 * answer (an ask running as the stop begins is told so too, never answered without the handlers it passed over);
 * starting it again serves every participant without restarting any.
 */
class RestartUnderLoadTest extends ParticipantTest {

	private static final int THREADS = 4;

	@Test
	void restartingTheImplementationUnderLoadNeverHangsAndEveryParticipantResumes() throws Exception {
		participants.install("even");
		participants.install("asker");
		participants.install("shop");
		participants.awaitHandlers("relay", 1);
		BundleContext bob = participants.install("bob").getBundleContext();
		Bundle impl = implBundle();
		AtomicLong toldStopped = new AtomicLong();

		try (Askers askers = Askers.start(THREADS,
				() -> new AskingAsBob(bob, toldStopped))) {
			// a failed ask ends the waiting too: askers.stop reports it
			await().atMost(Participants.PATIENCE).until(() -> askers.failed() || askers.answers() > 1000);

			long stopBegun = System.nanoTime();
			// the suite's patience, the bound of anything that must not hang: stopping is bounded by nothing else
			assertTimeoutPreemptively(Participants.PATIENCE, () -> impl.stop(), "stopping the implementation hung");
			Duration stopTook = Duration.ofNanos(System.nanoTime() - stopBegun);
			long beforeStart = askers.answers();
			impl.start();

			await().atMost(Participants.PATIENCE).until(() -> askers.failed() || askers.answers() > beforeStart + 1000);
			askers.stop("restart under load");
			System.out.println("restart under load: stopping took " + stopTook.toMillis() + " ms, " + toldStopped
					+ " asks were told the implementation had stopped");
		}

		Partyline afterRestart = serviceAfterRestart(Partyline.class);
		await("the asker's relay answers again").atMost(Participants.PATIENCE)
				.ignoreException(NoSuchServiceName.class)
				.until(() -> afterRestart.askAround("relay", 2), List.of(List.of(2))::equals);
		Web web = new Web(context, serviceAfterRestart(Invitations.class));
		Invitation shop = web.ended("partyline.tb.shop");
		assertEquals(Invitation.JOINED, shop.outcome(), shop.reason());
		assertEquals(List.of("/shop/x"), afterRestart.askAround("url", "shop.x"));
	}

	/** Asks "number" as bob; on an invalidated Partyline it gets the service again, as a participant would. */
	private static final class AskingAsBob implements Askers.Ask {

		private final BundleContext bob;
		private final AtomicLong toldStopped;
		private Partyline partyline;

		AskingAsBob(BundleContext bob, AtomicLong toldStopped) {
			this.bob = bob;
			this.toldStopped = toldStopped;
		}

		@Override
		public int ask() {
			if (partyline == null) {
				ServiceReference<Partyline> reference = bob.getServiceReference(Partyline.class);
				partyline = reference == null ? null : bob.getService(reference);
				if (partyline == null) {
					Thread.onSpinWait();
					return 0;
				}
			}
			List<Object> answers;
			try {
				answers = partyline.askAround("number", 2);
			} catch (IllegalStateException | NoSuchServiceName stopped) {
				toldStopped.incrementAndGet();
				partyline = null;
				return 0;
			}
			assertEquals(List.of(2), answers, "bob asked even for 2");
			return answers.size();
		}
	}
}
