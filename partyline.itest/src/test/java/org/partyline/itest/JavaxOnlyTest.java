package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.itest.support.ConsolePlugin;
import org.partyline.itest.support.JavaxHeldServlet;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.RacingRequests;
import org.partyline.itest.support.Web;

/**
 * The partyline where only javax servlets are served, as on Karaf with Pax Web: Felix HTTP on Jetty 9 (Servlet 3.1)
 * and no Jakarta Servlet API at all ({@code javax-only.bndrun}; the main run skips this class). A javax whiteboard
 * servlet is invited through the real runtime, joins, and answers; the guard keeps its invite route closed; no request
 * reaches it before it joined; the Web Console gets the javax plugin.
 */
class JavaxOnlyTest extends ParticipantTest {

	@Test
	void aJavaxServletIsInvitedAndAnswersWhereNoJakartaServletApiExists(@InjectService Invitations invitations) {
		assumeRunningIn("itest-javax-only");
		assertTrue(Arrays.stream(context.getBundles()).noneMatch(JavaxOnlyTest::exportsJakartaServlet),
				"this framework has no Jakarta Servlet API");
		Web web = new Web(context, invitations);

		participants.install("blog");
		Invitation blog = web.ended("partyline.tb.blog");

		assertEquals(Invitation.JOINED, blog.outcome(), blog.reason());
		assertEquals("javax", blog.servletApi());
		assertEquals(List.of("/blog/home"), neutral.askAround("url", "blog.home"));
		assertEquals(404, web.get(blog.route()).statusCode(), "an invite request without the partyline's token");
		assertEquals(List.of(1), neutral.askAround("blog.invitations", null), "the blog was invited once");
	}

	@Test
	void requestsRacingAJavaxServletsRegistrationAreServedOnlyOnceItJoined(@InjectService Invitations invitations) {
		assumeRunningIn("itest-javax-only");
		Web web = new Web(context, invitations);

		RacingRequests.assertServedOnlyOnceJoined(web,
				invitation -> web.register("javax.servlet.Servlet", new JavaxHeldServlet(invitation), "/race/*"));
	}

	@Test
	void theConsoleGetsTheJavaxPluginWhichShowsThePageAndAsks(@InjectService Invitations invitations) {
		assumeRunningIn("itest-javax-only");
		participants.join("alice").connect("echo", payload -> "echo " + payload);

		try (ConsolePlugin plugin = new ConsolePlugin(context, new Web(context, invitations), "javax")) {
			String token = ConsolePlugin.token(plugin.get().body());
			HttpResponse<String> asked = plugin.post("serviceName", "echo", "payload", "hi", "token", token);

			assertEquals(200, asked.statusCode(), asked.body());
			String alice = ConsolePlugin.row(asked.body(), "reply", "partyline.tb.alice [");
			assertTrue(alice.contains("<td>echo hi</td>"), asked.body());
		}
	}

	private static boolean exportsJakartaServlet(Bundle bundle) {
		BundleWiring wiring = bundle.adapt(BundleWiring.class);
		return wiring != null && wiring.getCapabilities(BundleRevision.PACKAGE_NAMESPACE).stream()
				.anyMatch(c -> String.valueOf(c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))
						.startsWith("jakarta.servlet"));
	}
}
