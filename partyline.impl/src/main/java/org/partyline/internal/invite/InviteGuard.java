package org.partyline.internal.invite;

import org.partyline.api.PartylineConstants;
import org.partyline.internal.ConnectWitness;

/**
 * What both guard filters share; the filters themselves differ only in their servlet API (Jakarta or javax), so each
 * is a thin copy of the other.
 * <p>
 * The filters match every path containing the invite segment, in any case, in every servlet context, and rank
 * first. A request passes only if it is the GET of an invite route in flight with that route's one-time token; it
 * then carries the servlet bundle's {@code Partyline}, and what the servlet connects is noted. Anything else gets
 * 404 and never reaches a servlet.
 */
final class InviteGuard {

	/** Filter regex: any path with the invite segment in it, case-insensitively, so no variant slips past. */
	static final String ROUTE_REGEX = "(?i).*__invite__.*";

	static final String ALL_CONTEXTS = "(osgi.http.whiteboard.context.name=*)";

	/** Filters of both flavours may see one request; the second lets through what the first admitted. */
	static final String ADMITTED_ATTRIBUTE = InviteGuard.class.getName() + ".admitted";

	static final String OPERATOR_ATTRIBUTE = PartylineConstants.REQUEST_ATTRIBUTE;

	private final InviteTokens tokens;
	private final ConnectWitness witness;

	InviteGuard(InviteTokens tokens, ConnectWitness witness) {
		this.tokens = tokens;
		this.witness = witness;
	}

	/** @return the ticket the request redeems, or {@code null} when it must get 404 */
	Ticket admit(String method, String requestUri, String token) {
		return tokens.redeem(method, requestUri, token);
	}

	/** Starts noting what the servlet connects while it handles its invitation; end it in a finally block. */
	ConnectWitness.Session witness(Ticket ticket) {
		return witness.begin(ticket.connections::add);
	}

	void endWitness(ConnectWitness.Session session) {
		witness.end(session);
	}
}
