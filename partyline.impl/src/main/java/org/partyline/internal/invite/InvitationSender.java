package org.partyline.internal.invite;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.Logger;
import org.partyline.api.Connection;
import org.partyline.api.Invitations;
import org.partyline.api.Partyline;

/**
 * Invites one servlet: decides whether and where it can be invited, issues the ticket that admits it to its
 * bundle's {@code Partyline}, has the {@link InviteExchange} send it, and records the {@link InvitationOutcome}.
 */
final class InvitationSender {

	private final BundleContext context;
	private final InvitationBook book;
	private final Admissions admissions;
	private final ServiceReference<Partyline> partylineService;
	private final ExecutorService executor;
	private final InviteExchange exchange;
	private final InvitationLog log;
	private volatile Duration timeout;

	InvitationSender(BundleContext context, InvitationBook book, Admissions admissions,
			ServiceReference<Partyline> partylineService, Logger logger, ExecutorService executor, Duration timeout) {
		this.context = context;
		this.book = book;
		this.admissions = admissions;
		this.partylineService = partylineService;
		this.executor = executor;
		this.exchange = new InviteExchange(executor, timeout);
		this.log = new InvitationLog(logger);
		this.timeout = timeout;
	}

	void timeout(Duration newTimeout) {
		this.timeout = newTimeout;
	}

	/** A whiteboard servlet: its bundle and invitation settings are its service's. */
	void invite(DeployedServlet servlet) {
		ServiceReference<?> reference = reference(servlet.serviceId());
		Bundle bundle = reference == null ? null : reference.getBundle();
		if (bundle == null || bundle.getBundleId() == context.getBundle().getBundleId()) {
			admissions.answered(servlet.serviceId());
			return; // gone meanwhile (the next scan forgets it), or one of our own
		}
		invite(servlet, bundle, servletApi(reference), reference::getProperty);
	}

	/**
	 * A servlet of that bundle, with the settings {@link Invitations#INVITE_PROPERTY} and
	 * {@link Invitations#ROUTE_PROPERTY} looked up by name (a whiteboard servlet's service properties, a WAR servlet's
	 * init parameters).
	 */
	void invite(DeployedServlet servlet, Bundle bundle, String api, Function<String, Object> settings) {
		Optional<InviteRoutes.Route> route = InviteRoutes.explicit(settings.apply(Invitations.ROUTE_PROPERTY))
				.or(() -> InviteRoutes.derive(servlet.patterns()));
		InvitationRecord.Builder draft = new InvitationRecord.Builder(servlet).registeredBy(bundle, api);
		route.ifPresent(draft::invitedOn);
		InvitationRecord pending = draft.pending();
		if ("false".equals(String.valueOf(settings.apply(Invitations.INVITE_PROPERTY)))) {
			notSent(pending, InvitationOutcome.declined("opted out with " + Invitations.INVITE_PROPERTY + "=false"));
		} else if (route.isEmpty()) {
			notSent(pending, InvitationOutcome.declined(
					"no invite route: only exact or extension patterns; name one with " + Invitations.ROUTE_PROPERTY));
		} else if (servlet.endpoint() == null) {
			notSent(pending, InvitationOutcome.failed("its runtime publishes no http endpoint"));
		} else {
			send(servlet.endpoint(), bundle, pending);
		}
	}

	private void notSent(InvitationRecord pending, InvitationOutcome outcome) {
		book.open(pending.with(outcome, Set.of(), Duration.ZERO));
		admissions.answered(pending.servletServiceId());
	}

	private void send(URI endpoint, Bundle bundle, InvitationRecord pending) {
		URI uri;
		try {
			uri = endpoint.resolve(new URI(null, null, pending.route(), null).getRawPath());
		} catch (URISyntaxException | IllegalArgumentException e) {
			notSent(pending, InvitationOutcome.failed("invite route " + pending.route() + " is not a valid path"));
			return;
		}
		Partyline partyline = partylineOf(bundle);
		if (partyline == null) {
			admissions.answered(pending.servletServiceId());
			return; // the bundle is stopping: nothing to invite
		}
		Duration limit = timeout;
		Ticket ticket = book.tickets().issue(uri.getRawPath(), partyline, limit);
		book.open(pending);
		long started = System.nanoTime();
		exchange.send(uri, ticket, limit).whenComplete((status, failure) -> finish(pending, ticket, status, failure,
				Duration.ofNanos(System.nanoTime() - started)));
	}

	private void finish(InvitationRecord pending, Ticket ticket, Integer status, Throwable failure, Duration took) {
		book.tickets().withdraw(ticket);
		List<Connection> connections = ticket.connections;
		Set<String> names = connections.stream().map(Connection::serviceName).collect(Collectors.toSet());
		InvitationRecord outcome = pending.with(InvitationOutcome.of(status, failure, !connections.isEmpty()), names,
				took);
		boolean stillDeployed = book.close(pending, outcome, connections);
		admissions.answered(pending.servletServiceId()); // after the record: a request let through may look at it
		if (!stillDeployed) {
			connections.forEach(Connection::close); // the servlet went away while it was being invited
			return;
		}
		// an exchange cut short by our own stop (its executor refuses the reply) is no fault of the servlet's
		log.outcome(outcome, executor.isShutdown());
	}

	/** The servlet bundle's own Partyline, or {@code null} when that bundle is stopping. */
	private Partyline partylineOf(Bundle bundle) {
		BundleContext servletContext = bundle.getBundleContext();
		if (servletContext == null) {
			return null;
		}
		try {
			// Never ungot, on purpose: got through the servlet bundle's own context, it is exactly the instance
			// that bundle gets from the registry (the servlet keeps it); the framework releases it when that bundle
			// stops.
			return servletContext.getService(partylineService);
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
		boolean jakarta = PropertyValues.strings(reference.getProperty(Constants.OBJECTCLASS))
				.contains("jakarta.servlet.Servlet");
		return jakarta ? "jakarta" : "javax";
	}
}
