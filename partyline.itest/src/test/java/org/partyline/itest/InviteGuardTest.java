package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Web;

/** Nobody but the partyline reaches an invite route: every forged request gets 404 before the servlet. */
class InviteGuardTest extends ParticipantTest {

	private static final String HEADER = "Partyline-Invitation";

	@InjectService
	Invitations invitations;

	Web web;
	String shopToken;
	String blogToken;

	@BeforeEach
	void setUp() {
		web = new Web(context, invitations);
		participants.install("shop");
		participants.install("blog");
		assertEquals(Invitation.JOINED, web.ended("partyline.tb.shop").outcome());
		assertEquals(Invitation.JOINED, web.ended("partyline.tb.blog").outcome());
		shopToken = (String) neutral.askFirst("shop.invitationHeader", null).orElseThrow();
		blogToken = (String) neutral.askFirst("blog.invitationHeader", null).orElseThrow();
	}

	@Test
	void tokensAreLongRandomAndDifferentPerInvitation() {
		assertTrue(shopToken.length() >= 43, "at least 256 bits, base64: " + shopToken.length());
		assertNotEquals(shopToken, blogToken);
	}

	@Test
	void aRequestWithoutATokenGets404AndNeverReachesTheServlet() {
		assertEquals(404, web.get("/shop/__invite__/").statusCode());
		assertEquals(404, web.get("/blog/__invite__/").statusCode());
		assertInvitedOnce();
	}

	@Test
	void aWrongTokenGets404() {
		assertEquals(404, send("GET", "/shop/__invite__/", "x".repeat(43)));
		assertEquals(404, send("GET", "/shop/__invite__/", ""));
		assertInvitedOnce();
	}

	@Test
	void aReplayedTokenGets404() {
		assertEquals(404, send("GET", "/shop/__invite__/", shopToken));
		assertEquals(404, send("GET", "/blog/__invite__/", blogToken));
		assertInvitedOnce();
	}

	@Test
	void anotherServletsTokenGets404() {
		assertEquals(404, send("GET", "/shop/__invite__/", blogToken));
		assertEquals(404, send("GET", "/blog/__invite__/", shopToken));
		assertInvitedOnce();
	}

	@Test
	void anyOtherMethodGets404Or405() {
		for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS", "HEAD", "PATCH")) {
			int status = send(method, "/shop/__invite__/", shopToken);
			assertTrue(status == 404 || status == 405, method + " got " + status);
		}
		assertInvitedOnce();
	}

	@Test
	void variantsOfTheInviteRouteGet404Too() {
		for (String path : List.of("/shop/__INVITE__/", "/shop/__Invite__/", "/shop/__invite__", "/shop/__invite__/x",
				"/shop/__invite__/?a=b", "/shop/x/__invite__/", "/blog/__invite__/__invite__/")) {
			int status = send("GET", path, shopToken);
			assertTrue(status == 404 || status == 400, path + " got " + status);
		}
		assertInvitedOnce();
	}

	private int send(String method, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web.endpoint() + path))
				.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header(HEADER, token.isEmpty() ? " " : token);
		}
		return web.send(request).statusCode();
	}

	private void assertInvitedOnce() {
		assertEquals(List.of(1), neutral.askAround("shop.invitations", null));
		assertEquals(List.of(1), neutral.askAround("blog.invitations", null));
	}
}
