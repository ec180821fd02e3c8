package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.api.NoSuchServiceName;
import org.partyline.itest.support.LogCapture;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;
import org.partyline.itest.support.ScriptedServlet;
import org.partyline.itest.support.Web;

import jakarta.servlet.Servlet;

/** Whiteboard servlets are discovered as they are deployed and invited through the real runtime. */
class InvitationTest extends ParticipantTest {

	@InjectService
	Invitations invitations;

	Web web;

	@BeforeEach
	void setUp() {
		web = new Web(context, invitations);
	}

	@Test
	void jakartaAndJavaxServletBundlesInstalledAtRunTimeJoinAndHearEachOther() {
		participants.install("shop");
		participants.install("blog");

		Invitation shop = web.ended("partyline.tb.shop");
		Invitation blog = web.ended("partyline.tb.blog");

		assertEquals(Invitation.JOINED, shop.outcome(), shop.reason());
		assertEquals(Invitation.JOINED, blog.outcome(), blog.reason());
		assertEquals("jakarta", shop.servletApi());
		assertEquals("javax", blog.servletApi());
		assertEquals("/shop/__invite__/", shop.route());
		assertEquals("/blog/__invite__/", blog.route());
		assertTrue(shop.handlerNames().contains("url"));
		assertEquals("[/blog/home]", web.get("/shop/ask?name=url&payload=blog.home").body());
		assertEquals("[/shop/product]", web.get("/blog/ask?name=url&payload=shop.product").body());
	}

	@Test
	void aServletInACustomContextIsInvitedOnItsContextPath() {
		participants.install("custom");

		Invitation custom = web.ended("partyline.tb.custom");

		assertEquals(Invitation.JOINED, custom.outcome(), custom.reason());
		assertEquals("/custom", custom.contextPath());
		assertEquals("customctx", custom.contextName());
		assertEquals("/custom/app/__invite__/", custom.route());
		assertEquals(List.of("/custom"), neutral.askAround("custom.contextPath", null));
	}

	@Test
	void aPartylineUnawareServletIsDeclinedWithNothingLoggedAboveInfo(@InjectService LogReaderService logReader) {
		try (LogCapture log = new LogCapture(logReader)) {
			participants.install("unaware");

			Invitation plain = web.ended("partyline.tb.unaware");

			assertEquals(Invitation.DECLINED, plain.outcome());
			assertEquals("answered 404", plain.reason());
			assertEquals("plain", web.get("/plain/").body());
			assertTrue(log.entries().stream()
					.noneMatch(e -> e.getLogLevel().implies(LogLevel.WARN) && e.getMessage().contains("plain")));
		}
	}

	@Test
	void aServletThatAnswersWithoutConnectingIsDeclined() {
		Bundle alice = participants.install("alice");
		ServiceRegistration<Servlet> servlet = web.register(alice, "/polite/*",
				new ScriptedServlet((partyline, response) -> response.getWriter().print("no thanks")));

		Invitation polite = web.ended(servlet);

		assertEquals(Invitation.DECLINED, polite.outcome());
		assertEquals(Set.of(), polite.handlerNames());
		servlet.unregister();
	}

	@Test
	void ordinaryRequestsReachTheServletWithoutThePartylineAttribute() {
		participants.install("shop");
		web.ended("partyline.tb.shop");

		assertEquals("absent", web.get("/shop/attribute").body());
	}

	@Test
	void aServletCanOptOut() {
		Bundle alice = participants.install("alice");
		ScriptedServlet shy = ScriptedServlet.joining("shy", "here");
		ServiceRegistration<Servlet> servlet = web.register(alice, "/shy/*", shy, Invitations.INVITE_PROPERTY, "false");

		Invitation record = web.ended(servlet);

		assertEquals(Invitation.DECLINED, record.outcome());
		assertTrue(record.reason().contains("opted out"), record.reason());
		assertEquals(0, shy.invitations());
		servlet.unregister();
	}

	@Test
	void aServletWithOnlyExactPatternsNamesItsRoute() {
		Bundle alice = participants.install("alice");
		ScriptedServlet status = ScriptedServlet.joining("status", "up");
		ServiceRegistration<Servlet> servlet = web.register(alice, "/status", status);
		ServiceRegistration<Servlet> routed = web.register(alice, "/health", ScriptedServlet.joining("health", "ok"),
				"osgi.http.whiteboard.servlet.pattern", new String[] { "/health", "/health/__invite__" },
				Invitations.ROUTE_PROPERTY, "/health/__invite__");

		Invitation unrouted = web.ended(servlet);
		assertEquals(Invitation.DECLINED, unrouted.outcome());
		assertTrue(unrouted.reason().contains(Invitations.ROUTE_PROPERTY), unrouted.reason());

		Invitation health = web.ended(routed);
		assertEquals(Invitation.JOINED, health.outcome(), health.reason());
		assertEquals("/health/__invite__", health.route());
		assertEquals(List.of("ok"), neutral.askAround("health", null));
		servlet.unregister();
		routed.unregister();
	}

	@Test
	void unregisteringAServletForgetsItAndWithdrawsWhatItConnectedWhenInvited() {
		Bundle alice = participants.install("alice");
		ServiceRegistration<Servlet> servlet = web.register(alice, "/echo/*", ScriptedServlet.joining("echo", "e"));
		long id = (Long) servlet.getReference().getProperty("service.id");
		assertEquals(Invitation.JOINED, web.ended(servlet).outcome());

		servlet.unregister();

		web.forgotten(id);
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("echo", null));
	}

	@Test
	void aReRegisteredServletIsInvitedAgainAndDoesNotAnswerTwice() {
		Bundle alice = participants.install("alice");
		ServiceRegistration<Servlet> first = web.register(alice, "/echo/*", ScriptedServlet.joining("echo", "e"));
		web.ended(first);
		first.unregister();

		ServiceRegistration<Servlet> second = web.register(alice, "/echo/*", ScriptedServlet.joining("echo", "e"));

		assertEquals(Invitation.JOINED, web.ended(second).outcome());
		await().atMost(Participants.PATIENCE).until(() -> neutral.askAround("echo", null).equals(List.of("e")));
		second.unregister();
	}

	@Test
	void stoppingAServletBundleForgetsItsServletAndStartingItInvitesItAgain() throws Exception {
		Bundle shop = participants.install("shop");
		long firstServlet = web.ended("partyline.tb.shop").servletServiceId();

		shop.stop();
		web.forgotten(firstServlet);
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("url", "shop.home"));

		shop.start();
		web.joinedAgain("partyline.tb.shop", firstServlet);
		assertEquals(List.of("/shop/home"), neutral.askAround("url", "shop.home"));
	}

	@Test
	void updatingAServletBundleInvitesItAgain() throws Exception {
		Bundle blog = participants.install("blog");
		long before = web.ended("partyline.tb.blog").servletServiceId();

		try (var content = context.getBundle().getEntry("embedded/blog.jar").openStream()) {
			blog.update(content);
		}

		web.joinedAgain("partyline.tb.blog", before);
		assertEquals(List.of("/blog/post"), neutral.askAround("url", "blog.post"));
	}

	@Test
	void uninstallingAServletBundleRemovesItsHandlersAndItsInvitation() throws Exception {
		Bundle blog = participants.install("blog");
		long servlet = web.ended("partyline.tb.blog").servletServiceId();

		blog.uninstall();

		web.forgotten(servlet);
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("blog.invitations", null));
		assertFalse(web.ofBundle("partyline.tb.blog").isPresent());
	}
}
