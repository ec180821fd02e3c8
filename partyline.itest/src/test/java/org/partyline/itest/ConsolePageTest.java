package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Handler;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.api.Partyline;
import org.partyline.itest.support.ConsolePlugin;
import org.partyline.itest.support.DirectGet;
import org.partyline.itest.support.Participants;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Web;

import jakarta.servlet.Servlet;

/**
 * The Web Console page through the real plugin, served under a pattern of the test's: what it shows, the ask form, its
 * token, and escaping of everything foreign. The javax plugin, offered where only javax is wired, is tried in
 * {@link JavaxOnlyTest}.
 */
class ConsolePageTest extends ParticipantTest {

	/** Where both servlet APIs are wired, as here, the console is Felix Web Console 5's: Jakarta. */
	private static final String JAKARTA = "jakarta";
	private static final String SCRIPT = "<script>alert(1)</script>";
	private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

	@InjectService
	Invitations invitations;

	@Test
	void thePageShowsEveryInvitedServletAndEveryHandlerWithItsBundle() {
		Web web = new Web(context, invitations);
		Bundle shop = participants.install("shop");
		assertEquals(Invitation.JOINED, web.ended("partyline.tb.shop").outcome());
		Partyline alice = participants.join("alice");
		alice.connect("greet", payload -> "hello", 7);

		try (ConsolePlugin plugin = new ConsolePlugin(context, web, JAKARTA)) {
			HttpResponse<String> response = plugin.get();

			assertEquals(200, response.statusCode());
			String page = response.body();
			String shopRow = ConsolePlugin.row(page, "participant", "partyline.tb.shop [" + shop.getBundleId() + "]");
			assertTrue(shopRow.contains("<td>joined</td>") && shopRow.contains("/shop/*") && shopRow.contains("url"),
					shopRow);
			String greeter = ConsolePlugin.row(page, "handler", "<td>greet</td>");
			assertTrue(greeter.contains("partyline.tb.alice [") && greeter.contains("<td>7</td>"), greeter);
			assertTrue(page.contains("<th scope=\"row\">inviteTimeoutMillis</th><td>5000</td>"), page);
			assertFalse(ConsolePlugin.token(page).isEmpty());
		}
	}

	@Test
	void anAskWithThePagesTokenShowsEachHandlersReplyWithItsBundleAllEscaped() {
		Web web = new Web(context, invitations);
		participants.join("alice").connect("echo", payload -> "echo " + payload);
		participants.join("bob").connect("echo", payload -> SCRIPT);
		participants.join("carol").connect("echo", payload -> {
			throw new IllegalStateException(SCRIPT);
		});

		try (ConsolePlugin plugin = new ConsolePlugin(context, web, JAKARTA)) {
			String token = ConsolePlugin.token(plugin.get().body());
			HttpResponse<String> response = plugin.post("serviceName", "echo", "payload", SCRIPT, "token", token);

			assertEquals(200, response.statusCode());
			String page = response.body();
			assertFalse(page.contains(SCRIPT), page);
			assertTrue(ConsolePlugin.row(page, "reply", "partyline.tb.alice [").contains("<td>echo " + ESCAPED + "</td>"),
					page);
			assertTrue(ConsolePlugin.row(page, "reply", "partyline.tb.bob [").contains("<td>" + ESCAPED + "</td>"), page);
			String carol = ConsolePlugin.row(page, "reply", "partyline.tb.carol [");
			assertTrue(carol.contains("<td>failed</td>")
					&& carol.contains("java.lang.IllegalStateException: " + ESCAPED), carol);
			assertTrue(page.indexOf("id=\"replies\"") < page.indexOf("<form id=\"ask\""), page);
			assertTrue(page.contains("name=\"payload\" value=\"" + ESCAPED + "\""), page);
		}
	}

	@Test
	void anAskOfANameNobodyHasSaysSoWithTheNameEscaped() {
		try (ConsolePlugin plugin = new ConsolePlugin(context, new Web(context, invitations), JAKARTA)) {
			String token = ConsolePlugin.token(plugin.get().body());
			String page = plugin.post("serviceName", SCRIPT, "payload", "", "token", token).body();

			assertTrue(page.contains("<p id=\"no-replies\">No handler is connected for service name &quot;" + ESCAPED
					+ "&quot;</p>"), page);
			assertFalse(page.contains(SCRIPT), page);
		}
	}

	@Test
	void aPostWithoutThePagesTokenIsRefusedAndNothingIsAsked() {
		AtomicInteger asked = new AtomicInteger();
		participants.join("alice").connect("counted", payload -> asked.incrementAndGet());

		try (ConsolePlugin plugin = new ConsolePlugin(context, new Web(context, invitations), JAKARTA)) {
			String token = ConsolePlugin.token(plugin.get().body());
			String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
			HttpResponse<String> none = plugin.post("serviceName", "counted", "payload", "x");
			HttpResponse<String> wrong = plugin.post("serviceName", "counted", "payload", "x", "token", forged);

			assertEquals(403, none.statusCode(), none.body());
			assertTrue(none.body().contains("no token"), none.body());
			assertEquals(403, wrong.statusCode(), wrong.body());
			assertTrue(wrong.body().contains("not issued by this console"), wrong.body());
			assertEquals(0, asked.get());
			assertEquals(200, plugin.post("serviceName", "counted", "payload", "x", "token", token).statusCode());
			assertEquals(1, asked.get());
		}
	}

	@Test
	void whereBothServletApisAreWiredOnlyTheJakartaPluginIsOfferedSoWebConsole5WarnsOfNoLegacyPlugin()
			throws InvalidSyntaxException {
		String plugin = "(felix.webconsole.label=partyline)";
		await("the Jakarta plugin").atMost(Participants.PATIENCE)
				.until(() -> context.getServiceReferences(Servlet.class, plugin).size(), n -> n == 1);

		assertNull(context.getServiceReferences("javax.servlet.Servlet", plugin), "no javax plugin beside it");
	}

	/**
	 * In the shared framework the servlets and handlers of earlier tests go with their bundles, asynchronously: the
	 * test waits for the partyline to have forgotten them all, then the page must say in words that nothing is there.
	 * The plugin is called directly, as serving it on the whiteboard would list it among the servlets.
	 */
	@Test
	void thePageSaysInWordsThatNothingIsThereYet() throws Exception {
		await("no invitation and no handler left").atMost(Participants.PATIENCE)
				.until(() -> invitations.list().isEmpty() && noHandlers());
		ServiceReference<Servlet> reference = context
				.getServiceReferences(Servlet.class, "(felix.webconsole.label=partyline)").iterator().next();
		try {
			DirectGet get = new DirectGet(context.getService(reference));

			assertEquals(200, get.status());
			String page = get.body();
			assertTrue(page.contains("<p id=\"no-participants\">No whiteboard servlet has been invited yet.</p>"), page);
			assertTrue(page.contains("<p id=\"no-services\">No handler is connected.</p>"), page);
			assertFalse(page.contains("<table id=\"participants\"") || page.contains("<table id=\"services\""), page);
		} finally {
			context.ungetService(reference);
		}
	}

	private boolean noHandlers() throws InvalidSyntaxException {
		return context.getServiceReferences(Handler.class, null).isEmpty();
	}
}
