package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;
import org.partyline.itest.support.ScriptedServlet;
import org.partyline.itest.support.Web;

import jakarta.servlet.Servlet;

/**
 * 1,000 seeded random requests at invite routes: methods, tokens, headers and path variants. Every one is refused
 * (404, or 400/405 where the runtime answers first) and no servlet's invite code runs again.
 */
class InviteRouteFuzzTest extends ParticipantTest {

	private static final long SEED = 20261124L;
	private static final int REQUESTS = 1_000;
	private static final List<String> METHODS = List.of("GET", "GET", "GET", "POST", "PUT", "DELETE", "HEAD",
			"OPTIONS", "PATCH");
	private static final List<String> ROUTES = List.of("/shop/__invite__/", "/blog/__invite__/",
			"/custom/app/__invite__/", "/__invite__/");

	@InjectService
	Invitations invitations;

	@Test
	void randomRequestsAtInviteRoutesAreAllRefused() {
		Web web = new Web(context, invitations);
		participants.install("shop");
		participants.install("blog");
		participants.install("custom");
		Bundle alice = participants.install("alice");
		ScriptedServlet root = ScriptedServlet.joining("root", "r");
		ServiceRegistration<Servlet> rootRegistration = web.register(alice, "/", root);
		for (String bundle : List.of("partyline.tb.shop", "partyline.tb.blog", "partyline.tb.custom")) {
			assertEquals(Invitation.JOINED, web.ended(bundle).outcome(), bundle);
		}
		assertEquals(Invitation.JOINED, web.ended(rootRegistration).outcome());
		String spentToken = (String) neutral.askFirst("shop.invitationHeader", null).orElseThrow();

		Random random = new Random(SEED);
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<String> admitted = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			String method = METHODS.get(random.nextInt(METHODS.size()));
			String path = mutate(ROUTES.get(random.nextInt(ROUTES.size())), random);
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web.endpoint() + path))
					.method(method, HttpRequest.BodyPublishers.noBody());
			String token = token(spentToken, random);
			if (token != null) {
				request.header("Partyline-Invitation", token);
			}
			if (random.nextInt(4) == 0) {
				request.header("X-Forwarded-For", "10.0.0." + random.nextInt(255));
			}
			int status = web.send(request).statusCode();
			statuses.merge(status, 1, Integer::sum);
			if (status != 404 && status != 405 && status != 400) {
				admitted.add(method + " " + path + " -> " + status);
			}
		}

		System.out.println("invite route fuzzing: " + REQUESTS + " requests, statuses " + statuses);
		assertTrue(admitted.isEmpty(), "not refused: " + admitted);
		assertEquals(List.of(1), neutral.askAround("shop.invitations", null));
		assertEquals(List.of(1), neutral.askAround("blog.invitations", null));
		assertEquals(1, root.invitations());
		rootRegistration.unregister();
	}

	/** A path variant: as it is, with case changes, encodings, extra slashes or segments, dot segments. */
	private static String mutate(String route, Random random) {
		switch (random.nextInt(10)) {
			case 0:
				return route;
			case 1:
				return route.replace("__invite__", "__INVITE__");
			case 2:
				return route.replace("__invite__", "%5F%5Finvite%5F%5F");
			case 3:
				return route.replace("/__invite__", "//__invite__");
			case 4:
				return route + randomSegment(random);
			case 5:
				return route.substring(0, route.length() - 1);
			case 6:
				return route.replace("/__invite__", "/x/../__invite__");
			case 7:
				return route.replace("/__invite__/", "/__invite__%2F");
			case 8:
				return route + "?token=" + randomSegment(random);
			default:
				return route.replace("__invite__", randomCase("__invite__", random));
		}
	}

	/** No token, random bytes, a truncated or altered real (spent) token, or the spent token itself. */
	private static String token(String spent, Random random) {
		switch (random.nextInt(6)) {
			case 0:
				return null;
			case 1:
				byte[] bytes = new byte[32];
				random.nextBytes(bytes);
				return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			case 2:
				return spent.substring(0, random.nextInt(spent.length()));
			case 3:
				char[] altered = spent.toCharArray();
				altered[random.nextInt(altered.length)] ^= 1;
				return new String(altered);
			case 4:
				return spent + "A";
			default:
				return spent;
		}
	}

	private static String randomCase(String text, Random random) {
		StringBuilder mixed = new StringBuilder();
		for (char c : text.toCharArray()) {
			mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
		}
		return mixed.toString();
	}

	private static String randomSegment(Random random) {
		return Integer.toString(random.nextInt(Integer.MAX_VALUE), 36);
	}
}
