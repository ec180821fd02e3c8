package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partyline.itest.support.HeldInvitation.INVITED;
import static org.partyline.itest.support.HeldInvitation.NOT_INVITED;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.itest.support.HeldInvitation;
import org.partyline.itest.support.JakartaHeldServlet;
import org.partyline.itest.support.JavaxHeldServlet;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;
import org.partyline.itest.support.RacingRequests;
import org.partyline.itest.support.Web;

/**
 * No request reaches a whiteboard servlet before its invitation is answered: requests wait for the answer (at most
 * the invite timeout), except those to servlets that are invited already, are not invited at all, or are the
 * invitation itself; and none waits when the partyline goes away. The OSGi condition
 * {@code partyline.invitations.answered} says when nothing is awaited.
 */
class InvitedBeforeServedTest extends ParticipantTest {

	/** Long enough that a request held for it could not pass for one answered at once. */
	private static final int LONG_TIMEOUT_MILLIS = 30_000;
	/** How soon a request that is not held is answered, at most, on a loaded machine. */
	private static final long PROMPTLY_SECONDS = 5;

	@InjectService
	Invitations invitations;

	private Web web;

	@BeforeEach
	void reachTheWhiteboard() {
		web = new Web(context, invitations);
	}

	@Test
	void requestsRacingAJakartaServletsRegistrationAreServedOnlyOnceItJoined() {
		RacingRequests.assertServedOnlyOnceJoined(web,
				invitation -> web.register("jakarta.servlet.Servlet", new JakartaHeldServlet(invitation), "/race/*"));
	}

	@Test
	void requestsRacingAJavaxServletsRegistrationAreServedOnlyOnceItJoined() {
		RacingRequests.assertServedOnlyOnceJoined(web,
				invitation -> web.register("javax.servlet.Servlet", new JavaxHeldServlet(invitation), "/race/*"));
	}

	@Test
	void aServletWhoseInvitationHangsIsServedAfterTheInviteTimeoutAndRecordedAsFailed() throws Exception {
		int timeoutMillis = 1500;
		configure("inviteTimeoutMillis", timeoutMillis);
		HeldInvitation hanging = new HeldInvitation();
		try (RacingRequests requests = new RacingRequests(web.endpoint(), "/hangs/page")) {
			ServiceRegistration<?> servlet = web.register("jakarta.servlet.Servlet", new JakartaHeldServlet(hanging),
					"/hangs/*");
			hanging.awaitInvitations(1);

			long started = System.nanoTime();
			String answer = requests.send().get(timeoutMillis + 10_000L, TimeUnit.MILLISECONDS);
			long heldMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

			assertEquals(NOT_INVITED, answer, "served once the invitation failed");
			assertTrue(heldMillis >= timeoutMillis / 2, "held " + heldMillis + " ms, not until the timeout");
			assertTrue(heldMillis <= timeoutMillis + 1000, "held " + heldMillis + " ms, past the invite timeout");
			assertEquals(Invitation.FAILED, web.ended(servlet).outcome());
		} finally {
			hanging.letItAnswer();
		}
	}

	@Test
	void requestsToServletsInvitedAlreadyOptedOutOrWithoutInviteRouteAreNeverHeld() throws Exception {
		configure("inviteTimeoutMillis", LONG_TIMEOUT_MILLIS);
		HeldInvitation pending = new HeldInvitation();
		try {
			ServiceRegistration<?> awaited = web.register("jakarta.servlet.Servlet", new JakartaHeldServlet(pending),
					"/pending/*");
			pending.awaitInvitations(1);
			ServiceRegistration<?> joined = web.register("jakarta.servlet.Servlet",
					new JakartaHeldServlet(HeldInvitation.answeredAtOnce()), "/joined/*");
			assertEquals(Invitation.JOINED, web.ended(joined).outcome());
			web.register("jakarta.servlet.Servlet", new JakartaHeldServlet(HeldInvitation.answeredAtOnce()),
					"/opted-out/*", Invitations.INVITE_PROPERTY, false);
			web.register("javax.servlet.Servlet", new JavaxHeldServlet(HeldInvitation.answeredAtOnce()), "/exact");

			assertEquals(INVITED, promptly("/joined/page"));
			assertEquals(NOT_INVITED, promptly("/opted-out/page"));
			assertEquals(NOT_INVITED, promptly("/exact"));
			assertEquals(Invitation.PENDING, invitations.ofServlet(serviceId(awaited)).orElseThrow().outcome(),
					"all the while, another servlet's invitation was unanswered");
		} finally {
			pending.letItAnswer();
		}
	}

	@Test
	void requestsHeldWhenThePartylineStopsGoOnAtOnceAndAreHeldAgainOnceItIsBack() throws BundleException, IOException {
		configure("inviteTimeoutMillis", LONG_TIMEOUT_MILLIS);
		HeldInvitation invitation = new HeldInvitation();
		try (RacingRequests requests = new RacingRequests(web.endpoint(), "/restarts/page")) {
			web.register("jakarta.servlet.Servlet", new JakartaHeldServlet(invitation), "/restarts/*");
			invitation.awaitInvitations(1);
			List<CompletableFuture<String>> held = requests.fire(3);
			RacingRequests.assertHeld(held, RacingRequests.HELD_FOR);

			implBundle().stop();
			assertEquals(Collections.nCopies(3, NOT_INVITED), RacingRequests.answers(held),
					"served without a partyline: nobody is left to invite them");

			implBundle().start();
			invitation.awaitInvitations(2);
			List<CompletableFuture<String>> heldAgain = requests.fire(3);
			RacingRequests.assertHeld(heldAgain, RacingRequests.HELD_FOR);
			invitation.letItAnswer();
			assertEquals(Collections.nCopies(3, INVITED), RacingRequests.answers(heldAgain));
		} finally {
			invitation.letItAnswer();
			if (implBundle().getState() != Bundle.ACTIVE) {
				implBundle().start(); // the tests after this one need it
			}
		}
	}

	@Test
	void theConditionInvitationsAnsweredIsRegisteredOnlyWhileNoInvitationIsAwaited() throws Exception {
		configure("inviteTimeoutMillis", LONG_TIMEOUT_MILLIS);
		await("the condition, nothing being awaited").atMost(Participants.PATIENCE).until(this::invitationsAnswered);
		HeldInvitation pending = new HeldInvitation();
		try {
			web.register("jakarta.servlet.Servlet", new JakartaHeldServlet(pending), "/pending/*");
			assertFalse(invitationsAnswered(), "withdrawn the moment the servlet is registered");
			pending.awaitInvitations(1);
			assertFalse(invitationsAnswered(), "still withdrawn while its invitation is unanswered");

			pending.letItAnswer();

			await("the condition, the invitation answered").atMost(Participants.PATIENCE)
					.until(this::invitationsAnswered);
		} finally {
			pending.letItAnswer();
		}
	}

	private boolean invitationsAnswered() throws InvalidSyntaxException {
		return context.getServiceReferences((String) null, "(&(objectClass=org.osgi.service.condition.Condition)"
				+ "(osgi.condition.id=partyline.invitations.answered))") != null;
	}

	private String promptly(String path) throws Exception {
		return new RacingRequests(web.endpoint(), path).send().get(PROMPTLY_SECONDS, TimeUnit.SECONDS);
	}

	private static long serviceId(ServiceRegistration<?> registration) {
		return (Long) registration.getReference().getProperty("service.id");
	}
}
