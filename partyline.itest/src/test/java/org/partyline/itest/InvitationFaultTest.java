package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.ScriptedServlet;
import org.partyline.itest.support.Web;

import jakarta.servlet.Servlet;

/** A servlet that throws, fails or never answers its invitation is recorded failed and holds up nobody. */
class InvitationFaultTest extends ParticipantTest {

	/** Long beside an invitation that is answered at once (milliseconds), short beside the tests' patience. */
	private static final Duration INVITE_TIMEOUT = Duration.ofSeconds(3);

	@InjectService
	Invitations invitations;

	Web web;
	final CountDownLatch release = new CountDownLatch(1);

	@BeforeEach
	void setUp() throws Exception {
		web = new Web(context, invitations);
		configure("inviteTimeoutMillis", (int) INVITE_TIMEOUT.toMillis());
	}

	@AfterEach
	void releaseTheSlowServlet() {
		release.countDown();
	}

	@Test
	void failingServletsAreRecordedFailedAndDoNotHoldUpTheOthers() {
		Bundle alice = participants.install("alice");
		Bundle bob = participants.install("bob");
		ServiceRegistration<Servlet> slow = web.register(alice, "/slow/*", new ScriptedServlet((partyline, response) -> {
			release.await(30, TimeUnit.SECONDS); // never answers within the invite timeout
		}));
		ServiceRegistration<Servlet> throwing = web.register(alice, "/throws/*",
				new ScriptedServlet((partyline, response) -> {
					throw new IllegalStateException("broken invite code");
				}));
		ServiceRegistration<Servlet> failing = web.register(alice, "/fails/*",
				new ScriptedServlet((partyline, response) -> response.sendError(503)));

		long registered = System.nanoTime();
		ServiceRegistration<Servlet> good = web.register(bob, "/good/*", ScriptedServlet.joining("good", "yes"));

		Invitation joined = web.ended(good);
		Duration waited = Duration.ofNanos(System.nanoTime() - registered);
		assertEquals(Invitation.JOINED, joined.outcome());
		// invited after the slow servlet, not beside it, it would have waited for the slow one's timeout
		assertTrue(waited.compareTo(INVITE_TIMEOUT) < 0, "the good servlet joined " + waited + " after registering");
		long slowId = (Long) slow.getReference().getProperty("service.id");
		assertEquals(Invitation.PENDING, invitations.ofServlet(slowId).orElseThrow().outcome(),
				"the slow servlet is still being waited for, yet the good one is done");

		assertFailed(web.ended(throwing), "answered 500");
		assertFailed(web.ended(failing), "answered 503");
		assertFailed(web.ended(slow), "no answer in time");

		slow.unregister();
		throwing.unregister();
		failing.unregister();
		good.unregister();
	}

	@Test
	void fiftyServletsAreInvitedConcurrentlyNotOneAfterAnother() {
		int servlets = 50;
		Bundle alice = participants.install("alice");
		// each invitation waits until all fifty are being handled at once: serialised invitations would time out
		CountDownLatch allInFlight = new CountDownLatch(servlets);
		List<ServiceRegistration<Servlet>> registrations = new ArrayList<>();
		for (int i = 0; i < servlets; i++) {
			String name = "app" + i;
			registrations.add(web.register(alice, "/" + name + "/*", new ScriptedServlet((partyline, response) -> {
				allInFlight.countDown();
				if (allInFlight.await(10, TimeUnit.SECONDS)) {
					partyline.connect("apps", payload -> name);
				}
			})));
		}

		for (ServiceRegistration<Servlet> registration : registrations) {
			assertEquals(Invitation.JOINED, web.ended(registration).outcome());
		}
		registrations.forEach(ServiceRegistration::unregister);
	}

	private static void assertFailed(Invitation invitation, String reason) {
		assertEquals(Invitation.FAILED, invitation.outcome(), invitation.servletName());
		assertEquals(reason, invitation.reason());
	}
}
