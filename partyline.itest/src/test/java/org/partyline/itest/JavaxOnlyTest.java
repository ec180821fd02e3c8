package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;

/**
 * The partyline where only javax servlets are served, as on Karaf with Pax Web: Felix HTTP on Jetty 9 (Servlet 3.1)
 * and no Jakarta Servlet API at all ({@code javax-only.bndrun}; the main run skips this class). A javax whiteboard
 * servlet is invited through the real runtime, joins, and answers; the guard keeps its invite route closed.
 */
class JavaxOnlyTest extends ParticipantTest {

	private static final String LABEL = "itest-javax-only";

	@Test
	void aJavaxServletIsInvitedAndAnswersWhereNoJakartaServletApiExists(@InjectService Invitations invitations)
			throws Exception {
		assumeTrue(LABEL.equals(context.getProperty("partyline.itest.label")), "runs in javax-only.bndrun only");
		assertTrue(Arrays.stream(context.getBundles()).noneMatch(JavaxOnlyTest::exportsJakartaServlet),
				"this framework has no Jakarta Servlet API");

		participants.install("blog");
		Invitation blog = await("the blog's invitation").atMost(Participants.PATIENCE)
				.until(() -> ended(invitations, "partyline.tb.blog"), Optional::isPresent)
				.get();

		assertEquals(Invitation.JOINED, blog.outcome(), blog.reason());
		assertEquals("javax", blog.servletApi());
		assertEquals(List.of("/blog/home"), neutral.askAround("url", "blog.home"));
		assertEquals(404, statusOf(blog.route()), "an invite request without the partyline's token");
		assertEquals(List.of(1), neutral.askAround("blog.invitations", null), "the blog was invited once");
	}

	private static Optional<Invitation> ended(Invitations invitations, String bundleSymbolicName) {
		return invitations.list().stream()
				.filter(i -> i.bundleSymbolicName().equals(bundleSymbolicName))
				.filter(i -> !Invitation.PENDING.equals(i.outcome()))
				.findFirst();
	}

	private int statusOf(String path) throws Exception {
		ServiceReference<?> runtime = context.getServiceReferences("org.osgi.service.http.runtime.HttpServiceRuntime",
				null)[0];
		Object endpoints = runtime.getProperty("osgi.http.endpoint");
		String endpoint = endpoints instanceof String[] ? ((String[]) endpoints)[0] : String.valueOf(endpoints);
		URI uri = URI.create(endpoint.replaceFirst("/$", "") + path);
		HttpResponse<Void> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
				HttpResponse.BodyHandlers.discarding());
		return response.statusCode();
	}

	private static boolean exportsJakartaServlet(Bundle bundle) {
		BundleWiring wiring = bundle.adapt(BundleWiring.class);
		return wiring != null && wiring.getCapabilities(BundleRevision.PACKAGE_NAMESPACE).stream()
				.anyMatch(c -> String.valueOf(c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))
						.startsWith("jakarta.servlet"));
	}
}
