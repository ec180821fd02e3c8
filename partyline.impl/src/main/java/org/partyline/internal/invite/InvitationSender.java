package org.partyline.internal.invite;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.Logger;
import org.partyline.api.Connection;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.api.Partyline;

/**
 * Sends one servlet its invitation: a GET of its invite route through the runtime's own endpoint, carrying a
 * one-time token, asynchronously and with a deadline, so no servlet waits for another. Records the outcome.
 */
final class InvitationSender {

	private final BundleContext context;
	private final InvitationBook book;
	private final ServiceReference<Partyline> partyline;
	private final Logger logger;
	private final HttpClient client;
	private volatile Duration timeout;

	InvitationSender(BundleContext context, InvitationBook book, ServiceReference<Partyline> partyline, Logger logger,
			ExecutorService executor, Duration timeout) {
		this.context = context;
		this.book = book;
		this.partyline = partyline;
		this.logger = logger;
		this.timeout = timeout;
		this.client = HttpClient.newBuilder()
				.executor(executor)
				.version(HttpClient.Version.HTTP_1_1)
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(timeout)
				.build();
	}

	void timeout(Duration newTimeout) {
		this.timeout = newTimeout;
	}

	void invite(DeployedServlet servlet) {
		ServiceReference<?> reference = reference(servlet.serviceId());
		Bundle bundle = reference == null ? null : reference.getBundle();
		if (bundle == null || bundle.getBundleId() == context.getBundle().getBundleId()) {
			return; // gone meanwhile (the next scan forgets it), or one of our own
		}
		Optional<InviteRoutes.Route> route = InviteRoutes.explicit(reference.getProperty(Invitations.ROUTE_PROPERTY))
				.or(() -> InviteRoutes.derive(servlet.patterns()));
		InvitationRecord record = new InvitationRecord(Invitation.PENDING, "", servlet.serviceId(), servlet.name(),
				servletApi(reference), bundle.getBundleId(), bundle.getSymbolicName(), servlet.contextName(),
				servlet.contextPath(), route.map(InviteRoutes.Route::pattern).orElse(String.join(" ", servlet.patterns())),
				route.map(r -> servlet.contextPath() + r.path()).orElse(""), Set.of(), Instant.now(), Duration.ZERO);
		if ("false".equals(String.valueOf(reference.getProperty(Invitations.INVITE_PROPERTY)))) {
			book.open(record.with(Invitation.DECLINED, "opted out with " + Invitations.INVITE_PROPERTY + "=false",
					Set.of(), Duration.ZERO));
			return;
		}
		if (route.isEmpty()) {
			book.open(record.with(Invitation.DECLINED, "no invite route: only exact or extension patterns; name one with "
					+ Invitations.ROUTE_PROPERTY, Set.of(), Duration.ZERO));
			return;
		}
		if (servlet.endpoint() == null) {
			book.open(record.with(Invitation.FAILED, "its runtime publishes no http endpoint", Set.of(), Duration.ZERO));
			return;
		}
		send(servlet, bundle, record);
	}

	private void send(DeployedServlet servlet, Bundle bundle, InvitationRecord pending) {
		URI uri;
		try {
			uri = servlet.endpoint().resolve(new URI(null, null, pending.route(), null).getRawPath());
		} catch (URISyntaxException | IllegalArgumentException e) {
			book.open(pending.with(Invitation.FAILED, "invite route " + pending.route() + " is not a valid path",
					Set.of(), Duration.ZERO));
			return;
		}
		Partyline operator = operatorOf(bundle);
		if (operator == null) {
			return; // the bundle is stopping: nothing to invite
		}
		Duration limit = timeout;
		Ticket ticket = book.tokens().issue(uri.getRawPath(), operator, limit);
		HttpRequest request = HttpRequest.newBuilder(uri)
				.timeout(limit)
				.header(InviteTokens.HEADER, ticket.tokenText())
				.GET()
				.build();
		book.open(pending);
		long started = System.nanoTime();
		client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
				.orTimeout(limit.toMillis() + 1000, TimeUnit.MILLISECONDS)
				.whenComplete((response, failure) -> finish(pending, ticket,
						response == null ? -1 : response.statusCode(), failure,
						Duration.ofNanos(System.nanoTime() - started)));
	}

	private void finish(InvitationRecord pending, Ticket ticket, int status, Throwable failure, Duration took) {
		book.tokens().withdraw(ticket);
		List<Connection> connections = ticket.connections;
		Set<String> names = connections.stream().map(Connection::serviceName).collect(Collectors.toSet());
		InvitationRecord outcome;
		if (failure != null) {
			outcome = pending.with(Invitation.FAILED, describe(failure), names, took);
		} else if (status >= 500) {
			outcome = pending.with(Invitation.FAILED, "answered " + status, names, took);
		} else if (status >= 400) {
			outcome = pending.with(Invitation.DECLINED, "answered " + status, names, took);
		} else if (connections.isEmpty()) {
			outcome = pending.with(Invitation.DECLINED, "answered " + status + " without connecting a handler", names,
					took);
		} else {
			outcome = pending.with(Invitation.JOINED, "", names, took);
		}
		if (!book.close(pending, outcome, connections)) {
			connections.forEach(Connection::close); // the servlet went away while it was being invited
			return;
		}
		log(outcome);
	}

	private void log(InvitationRecord outcome) {
		String what = "Servlet " + outcome.servletName() + " of " + outcome.bundleSymbolicName() + " ["
				+ outcome.bundleId() + "] at " + outcome.route() + " " + outcome.outcome()
				+ (outcome.reason().isEmpty() ? "" : " (" + outcome.reason() + ")") + " in "
				+ outcome.duration().toMillis() + " ms" + (outcome.handlerNames().isEmpty() ? ""
						: ", connected " + outcome.handlerNames());
		switch (outcome.outcome()) {
			case Invitation.JOINED -> logger.info(what);
			case Invitation.FAILED -> logger.warn(what);
			default -> logger.debug(what);
		}
	}

	/** The servlet bundle's own Partyline: got through its context, so it is the instance the bundle would get. */
	private Partyline operatorOf(Bundle bundle) {
		BundleContext servletContext = bundle.getBundleContext();
		if (servletContext == null) {
			return null;
		}
		try {
			return servletContext.getService(partyline);
		} catch (IllegalStateException | IllegalArgumentException stopping) {
			return null;
		}
	}

	private ServiceReference<?> reference(long serviceId) {
		try {
			ServiceReference<?>[] references = context.getServiceReferences((String) null,
					"(" + Constants.SERVICE_ID + "=" + serviceId + ")");
			return references == null ? null : references[0];
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String servletApi(ServiceReference<?> reference) {
		Object classes = reference.getProperty(Constants.OBJECTCLASS);
		boolean jakarta = classes instanceof String[]
				&& Arrays.asList((String[]) classes).contains("jakarta.servlet.Servlet");
		return jakarta ? "jakarta" : "javax";
	}

	private static String describe(Throwable failure) {
		Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
				: failure;
		if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
			return "no answer in time";
		}
		return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
	}
}
