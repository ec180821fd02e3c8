package org.partyline.internal.invite;

import java.util.List;
import java.util.Optional;

import org.partyline.api.Invitations;
import org.partyline.api.PartylineConstants;

/**
 * Derives the invite route of a servlet from its patterns, within its context: {@code /x/*} gives
 * {@code /x/__invite__/}; {@code /} and {@code /*} give {@code /__invite__/}. Exact and extension patterns give none.
 */
final class InviteRoutes {

	/** A route and the pattern it came from. */
	record Route(String pattern, String path) {
	}

	private static final String SEGMENT = "/" + PartylineConstants.INVITE_SEGMENT + "/";

	private InviteRoutes() {
	}

	static Optional<Route> derive(List<String> patterns) {
		for (String pattern : patterns) {
			if (pattern.equals("/") || pattern.equals("/*")) {
				return Optional.of(new Route(pattern, SEGMENT));
			}
			if (pattern.startsWith("/") && pattern.endsWith("/*")) {
				String prefix = pattern.substring(0, pattern.length() - 2);
				return Optional.of(new Route(pattern, prefix + SEGMENT));
			}
		}
		return Optional.empty();
	}

	/** An explicit route from the servlet's properties: a path within its context, starting with a slash. */
	static Optional<Route> explicit(Object property) {
		if (property instanceof String && ((String) property).startsWith("/")) {
			return Optional.of(new Route("(" + Invitations.ROUTE_PROPERTY + ")", (String) property));
		}
		return Optional.empty();
	}
}
