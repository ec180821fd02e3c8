package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;
import org.partyline.itest.support.Web;

/**
 * Stopping the implementation while four threads ask returns a clear exception to them, never a hang; starting it
 * again serves every participant without restarting any.
 */
class RestartUnderLoadTest extends ParticipantTest {

	private static final int THREADS = 4;

	@Test
	void restartingTheImplementationUnderLoadNeverHangsAndEveryParticipantResumes() throws Exception {
		participants.install("even");
		participants.install("asker");
		participants.install("shop");
		participants.awaitHandlers("relay", 1);
		Bundle bob = participants.install("bob");
		Bundle impl = Arrays.stream(context.getBundles())
				.filter(b -> "partyline.impl".equals(b.getSymbolicName()))
				.findFirst()
				.orElseThrow();

		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong answered = new AtomicLong();
		Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
		Queue<Throwable> expected = new ConcurrentLinkedQueue<>();
		ExecutorService askers = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> loops = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			loops.add(askers.submit(() -> ask(bob, running, answered, expected, unexpected)));
		}
		try {
			await().atMost(Participants.PATIENCE).until(() -> answered.get() > 1000);

			long stopping = System.nanoTime();
			impl.stop();
			Duration stopTook = Duration.ofNanos(System.nanoTime() - stopping);
			long beforeStart = answered.get();
			impl.start();

			await().atMost(Participants.PATIENCE).until(() -> answered.get() > beforeStart + 1000);
			assertTrue(stopTook.toMillis() < 5000, "stopping took " + stopTook);
		} finally {
			running.set(false);
			askers.shutdown();
		}
		assertTrue(askers.awaitTermination(10, TimeUnit.SECONDS), "an asking thread hung");
		for (Future<?> loop : loops) {
			loop.get();
		}
		assertTrue(unexpected.isEmpty(), "undocumented exceptions: " + unexpected);
		System.out.println("restart under load: " + answered.get() + " answers, " + expected.size()
				+ " callers told the implementation had stopped");

		// the Partyline injected before the restart is invalid now: get the new one
		Partyline afterRestart = Participants.partylineOf(context.getBundle());
		await("the asker's relay answers again").atMost(Participants.PATIENCE)
				.ignoreException(NoSuchServiceName.class)
				.until(() -> afterRestart.askAround("relay", 2), List.of(List.of(2))::equals);
		Web web = new Web(context, Participants.service(context, Invitations.class));
		await().atMost(Participants.PATIENCE).until(() -> web.ofBundle("partyline.tb.shop")
				.filter(i -> Invitation.JOINED.equals(i.outcome())).isPresent());
		assertEquals(List.of("/shop/x"), afterRestart.askAround("url", "shop.x"));
	}

	/** Asks until told to stop; on an invalidated Partyline it gets the service again, as a participant would. */
	private static void ask(Bundle bob, AtomicBoolean running, AtomicLong answered, Queue<Throwable> expected,
			Queue<Throwable> unexpected) {
		BundleContext bobContext = bob.getBundleContext();
		Partyline partyline = null;
		while (running.get()) {
			try {
				if (partyline == null) {
					ServiceReference<Partyline> reference = bobContext.getServiceReference(Partyline.class);
					partyline = reference == null ? null : bobContext.getService(reference);
					if (partyline == null) {
						Thread.onSpinWait();
						continue;
					}
				}
				if (partyline.askAround("number", 2).equals(List.of(2))) {
					answered.incrementAndGet();
				}
			} catch (IllegalStateException | NoSuchServiceName stopped) {
				expected.add(stopped);
				partyline = null;
			} catch (Throwable other) {
				unexpected.add(other);
				return;
			}
		}
	}
}
