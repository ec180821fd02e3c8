package org.partyline.internal.invite;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.partyline.api.Invitation;

/** The immutable outcome of one invitation; a {@link Builder} makes the pending one, {@link #with} each next. */
record InvitationRecord(String outcome, String reason, long servletServiceId, String servletName, String servletApi,
		long bundleId, String bundleSymbolicName, String contextName, String contextPath, String pattern, String route,
		Set<String> handlerNames, Instant invitedAt, Duration duration) implements Invitation {

	/** The same servlet, with another outcome. */
	InvitationRecord with(InvitationOutcome next, Set<String> names, Duration took) {
		return new InvitationRecord(next.outcome(), next.reason(), servletServiceId, servletName, servletApi, bundleId,
				bundleSymbolicName, contextName, contextPath, pattern, route, Set.copyOf(names), invitedAt, took);
	}

	@Override
	public Duration duration() {
		return PENDING.equals(outcome) ? Duration.between(invitedAt, Instant.now()) : duration;
	}

	/** A servlet's pending record, filled in step by step as the sender learns who it is and where it is invited. */
	static final class Builder {

		private final DeployedServlet servlet;
		private final Instant invitedAt = Instant.now();
		private String servletApi = "";
		private long bundleId = -1;
		private String bundleSymbolicName = "";
		private String pattern;
		private String route = "";

		/** A servlet without a route yet: its pattern column shows all its patterns. */
		Builder(DeployedServlet servlet) {
			this.servlet = servlet;
			this.pattern = String.join(" ", servlet.patterns());
		}

		/** @param api {@code "jakarta"} or {@code "javax"} */
		Builder registeredBy(Bundle bundle, String api) {
			this.bundleId = bundle.getBundleId();
			this.bundleSymbolicName = bundle.getSymbolicName();
			this.servletApi = api;
			return this;
		}

		/** The route within the servlet's context: the invitation goes to it under the context path. */
		Builder invitedOn(InviteRoutes.Route invite) {
			this.pattern = invite.pattern();
			this.route = servlet.contextPath() + invite.path();
			return this;
		}

		InvitationRecord pending() {
			return new InvitationRecord(PENDING, "", servlet.serviceId(), servlet.name(), servletApi, bundleId,
					bundleSymbolicName, servlet.contextName(), servlet.contextPath(), pattern, route, Set.of(),
					invitedAt, Duration.ZERO);
		}
	}
}
