package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.partyline.api.Connection;
import org.partyline.api.Handler;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;

/** Participants come and go while the framework runs; what they joined with goes with them. */
class LifecycleTest extends ParticipantTest {

	@Test
	void stoppingAParticipantRemovesItsConnectedHandlers() throws Exception {
		Bundle alice = participants.install("alice");
		Connection connection = Participants.partylineOf(alice).connect("ping", payload -> "pong");

		alice.stop();

		assertFalse(connection.isConnected());
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("ping", null));
	}

	@Test
	void stoppingADeclarativeServicesParticipantRemovesItsHandlersAndStartingItBringsThemBack() throws Exception {
		Bundle even = participants.install("even");
		participants.awaitHandlers("number", 1);

		even.stop();
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("number", 2));

		even.start();
		participants.awaitHandlers("number", 1);
		assertEquals(List.of(2), neutral.askAround("number", 2));
	}

	@Test
	void uninstallingAParticipantRemovesItsHandlers() throws Exception {
		Bundle odd = participants.install("odd");
		participants.awaitHandlers("number", 1);

		odd.uninstall();

		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("number", 1));
	}

	@Test
	void closingAConnectionDisconnectsOnlyThatHandler() {
		Partyline alice = participants.join("alice");
		Connection first = alice.connect("ping", payload -> "first");
		alice.connect("ping", payload -> "second");

		first.close();

		assertFalse(first.isConnected());
		assertEquals(List.of("second"), neutral.askAround("ping", null));
	}

	@Test
	void closingAConnectionTwiceIsHarmless() {
		Partyline alice = participants.join("alice");
		Connection connection = alice.connect("ping", payload -> "pong");
		assertTrue(connection.isConnected());
		assertEquals("ping", connection.serviceName());

		connection.close();
		connection.close();

		assertFalse(connection.isConnected());
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("ping", null));
	}

	@Test
	void closingAConnectionAfterItsBundleStoppedIsHarmless() throws Exception {
		Bundle alice = participants.install("alice");
		Connection connection = Participants.partylineOf(alice).connect("ping", payload -> "pong");
		alice.stop();

		connection.close();

		assertFalse(connection.isConnected());
	}

	@Test
	void releasingThePartylineServiceDisconnectsWhatThatBundleConnected() {
		Bundle alice = participants.install("alice");
		BundleContext aliceContext = alice.getBundleContext();
		ServiceReference<Partyline> reference = aliceContext.getServiceReference(Partyline.class);
		Connection connection = aliceContext.getService(reference).connect("ping", payload -> "pong");

		aliceContext.ungetService(reference);

		assertFalse(connection.isConnected());
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("ping", null));
	}

	@Test
	void aStoppedParticipantCannotConnect() throws Exception {
		Bundle alice = participants.install("alice");
		Partyline partyline = Participants.partylineOf(alice);
		alice.stop();

		assertThrows(IllegalStateException.class, () -> partyline.connect("ping", payload -> "pong"));
	}

	@Test
	void aHandlerRegisteredWhileItsBundleStopsNeverAnswers() throws Exception {
		Bundle alice = participants.install("alice");
		AtomicReference<Object> askedMeanwhile = new AtomicReference<>();
		// the framework withdraws a stopping bundle's services before STOPPED, but its context stays valid until
		// then: a connect racing with the stop can register one more (ChurnTest caught one answering)
		SynchronousBundleListener registerWhileStopping = event -> {
			if (event.getBundle() == alice && event.getType() == BundleEvent.STOPPING) {
				Dictionary<String, Object> properties = new Hashtable<>();
				properties.put(PartylineConstants.SERVICE_NAME, "late");
				alice.getBundleContext().registerService(Handler.class, payload -> "late", properties);
				try {
					askedMeanwhile.set(neutral.askAround("late", null));
				} catch (NoSuchServiceName nobody) {
					askedMeanwhile.set(nobody);
				}
			}
		};
		context.addBundleListener(registerWhileStopping);
		try {
			alice.stop();
		} finally {
			context.removeBundleListener(registerWhileStopping);
		}

		assertTrue(askedMeanwhile.get() instanceof NoSuchServiceName, "asked while stopping: " + askedMeanwhile.get());
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("late", null));
	}

	@Test
	void handlersOfAParticipantStartedLaterAnswerWithoutAnyRestart() {
		Partyline alice = participants.join("alice");
		alice.connect("ping", payload -> "alice");

		Partyline bob = participants.join("bob");
		bob.connect("ping", payload -> "bob");

		await().atMost(Participants.PATIENCE)
				.until(() -> neutral.askAround("ping", null).equals(List.of("alice", "bob")));
	}
}
