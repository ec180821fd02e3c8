package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Connection;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.api.Partyline;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;
import org.partyline.itest.support.Web;

/** Stopping the implementation withdraws what it registered for participants; starting it again serves them. */
class ImplRestartTest extends ParticipantTest {

	@Test
	void stoppingTheImplementationDisconnectsHandlersAndInvalidatesEveryPartyline() throws Exception {
		Bundle impl = implBundle();
		Partyline alice = participants.join("alice");
		Connection connection = alice.connect("ping", payload -> "pong");
		participants.install("even");
		participants.awaitHandlers("number", 1);
		try {
			impl.stop();

			assertFalse(connection.isConnected());
			assertTrue(participants.handlers("ping").isEmpty());
			IllegalStateException invalid = assertThrows(IllegalStateException.class,
					() -> alice.askAround("number", 2));
			assertTrue(invalid.getMessage().contains("partyline.tb.alice"), invalid.getMessage());
			assertThrows(IllegalStateException.class, () -> alice.connect("ping", payload -> "pong"));
		} finally {
			impl.start();
		}

		Partyline bob = participants.join("bob");
		await().atMost(Participants.PATIENCE).until(() -> bob.askAround("number", 2).equals(List.of(2)));
		assertEquals(1, participants.handlers("number").size(), "declarative services handlers were never withdrawn");
	}

	/** Repeated: each restart races the inviter's activation against the guard filters' deployment. */
	@RepeatedTest(5)
	void startingTheImplementationAgainInvitesEveryDeployedServletAgain(@InjectService Invitations invitations)
			throws Exception {
		Web web = new Web(context, invitations);
		participants.install("shop");
		assertEquals(Invitation.JOINED, web.ended("partyline.tb.shop").outcome());
		Bundle impl = implBundle();

		impl.stop();
		impl.start();

		// the Partyline injected before the restart is invalid now: get the new one
		Partyline afterRestart = serviceAfterRestart(Partyline.class);
		Web restarted = new Web(context, serviceAfterRestart(Invitations.class));
		Invitation again = restarted.ended("partyline.tb.shop");
		assertEquals(Invitation.JOINED, again.outcome(), again.reason());
		assertEquals(List.of(2), afterRestart.askAround("shop.invitations", null));
		assertEquals(List.of("/shop/cart"), afterRestart.askAround("url", "shop.cart"));
	}
}
