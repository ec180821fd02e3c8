package org.partyline.internal.invite;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.partyline.api.Invitation;

/** The immutable outcome of one invitation. */
record InvitationRecord(String outcome, String reason, long servletServiceId, String servletName, String servletApi,
		long bundleId, String bundleSymbolicName, String contextName, String contextPath, String pattern, String route,
		Set<String> handlerNames, Instant invitedAt, Duration duration) implements Invitation {

	/** The same servlet, with another outcome. */
	InvitationRecord with(String newOutcome, String newReason, Set<String> names, Duration took) {
		return new InvitationRecord(newOutcome, newReason, servletServiceId, servletName, servletApi, bundleId,
				bundleSymbolicName, contextName, contextPath, pattern, route, Set.copyOf(names), invitedAt, took);
	}

	@Override
	public Duration duration() {
		return PENDING.equals(outcome) ? Duration.between(invitedAt, Instant.now()) : duration;
	}
}
