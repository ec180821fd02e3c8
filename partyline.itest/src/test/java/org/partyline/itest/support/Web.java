package org.partyline.itest.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;

import jakarta.servlet.Servlet;

/**
 * HTTP over loopback to the whiteboard runtime (its endpoint read from the runtime service), servlet registration
 * on behalf of participant bundles, and waiting for invitations to end. Only {@link #register} needs the Jakarta
 * Servlet API; the rest serves a javax-only framework too.
 */
public final class Web {

	private final BundleContext context;
	private final Invitations invitations;
	private final HttpClient client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

	public Web(BundleContext context, Invitations invitations) {
		this.context = context;
		this.invitations = invitations;
	}

	/**
	 * The runtime's endpoint, e.g. {@code http://127.0.0.1:41234}, without a trailing slash: the Jakarta runtime's,
	 * or the javax one's where it is the only one (javax-only.bndrun).
	 */
	public String endpoint() {
		ServiceReference<?> runtime = context
				.getServiceReference("org.osgi.service.servlet.runtime.HttpServiceRuntime");
		if (runtime == null) {
			runtime = context.getServiceReference("org.osgi.service.http.runtime.HttpServiceRuntime");
		}
		Object endpoints = runtime.getProperty("osgi.http.endpoint");
		String first = endpoints instanceof String[] ? ((String[]) endpoints)[0] : String.valueOf(endpoints);
		return first.endsWith("/") ? first.substring(0, first.length() - 1) : first;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(endpoint() + path)).GET());
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
		} catch (IOException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Registers a Jakarta servlet at {@code pattern} owned by {@code owner}; osgi-test does not clean it up. */
	public ServiceRegistration<Servlet> register(Bundle owner, String pattern, Servlet servlet, Object... properties) {
		return owner.getBundleContext().registerService(Servlet.class, servlet, whiteboard(pattern, properties));
	}

	/**
	 * Registers a servlet of either API ({@code servletInterface} names it) at {@code pattern}, owned by the test
	 * bundle (osgi-test unregisters it after the test).
	 */
	public ServiceRegistration<?> register(String servletInterface, Object servlet, String pattern,
			Object... properties) {
		return context.registerService(servletInterface, servlet, whiteboard(pattern, properties));
	}

	private static Dictionary<String, Object> whiteboard(String pattern, Object... properties) {
		Dictionary<String, Object> props = new Hashtable<>();
		props.put("osgi.http.whiteboard.servlet.pattern", pattern);
		for (int i = 0; i + 1 < properties.length; i += 2) {
			props.put((String) properties[i], properties[i + 1]);
		}
		return props;
	}

	/** Waits until the servlet's invitation has ended (joined, declined or failed) and returns it. */
	public Invitation ended(ServiceRegistration<?> servlet) {
		long id = (Long) servlet.getReference().getProperty("service.id");
		return await("invitation of servlet " + id).atMost(Participants.PATIENCE)
				.until(() -> invitations.ofServlet(id).filter(i -> !Invitation.PENDING.equals(i.outcome())),
						Optional::isPresent)
				.get();
	}

	/** Waits until the invitation of the servlet of that bundle has ended and returns it. */
	public Invitation ended(String bundleSymbolicName) {
		return await("invitation of " + bundleSymbolicName).atMost(Participants.PATIENCE)
				.until(() -> ofBundle(bundleSymbolicName).filter(i -> !Invitation.PENDING.equals(i.outcome())),
						Optional::isPresent)
				.get();
	}

	/**
	 * Waits until the servlet of that bundle has joined again as a new registration, not the one of
	 * {@code previousServletId}, and returns its invitation.
	 */
	public Invitation joinedAgain(String bundleSymbolicName, long previousServletId) {
		return await("a new servlet of " + bundleSymbolicName + " joined").atMost(Participants.PATIENCE)
				.until(() -> ofBundle(bundleSymbolicName).filter(
						i -> Invitation.JOINED.equals(i.outcome()) && i.servletServiceId() != previousServletId),
						Optional::isPresent)
				.get();
	}

	/** Waits until the partyline has forgotten the servlet of that service id (unregistered, its bundle gone). */
	public void forgotten(long servletServiceId) {
		await("servlet " + servletServiceId + " forgotten").atMost(Participants.PATIENCE)
				.until(() -> invitations.ofServlet(servletServiceId).isEmpty());
	}

	public Optional<Invitation> ofBundle(String bundleSymbolicName) {
		List<Invitation> all = invitations.list();
		return all.stream().filter(i -> i.bundleSymbolicName().equals(bundleSymbolicName)).reduce((a, b) -> b);
	}
}
