package org.partyline.internal.invite;

import java.io.IOException;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partyline.api.PartylineConstants;
import org.partyline.internal.participant.ConnectWitness;

/**
 * The invite guard's algorithm, for both servlet APIs: {@link JakartaInviteGuard} and {@link JavaxInviteGuard} are
 * the filters, each only adapting its API's request, response and chain to a {@link GuardedRequest} and two
 * {@link Step}s. Nothing here names a servlet type, so neither API is loaded where only the other is wired.
 * <p>
 * The filters match every path containing the invite segment, in any case, in every servlet context, and rank
 * first. A request passes only if it is the GET of an invite route in flight with that route's one-time token; it
 * then carries the servlet bundle's {@code Partyline}, and what the servlet connects is noted. Anything else gets
 * 404 and never reaches a servlet.
 */
@Component(service = InviteGuard.class)
public final class InviteGuard {

	/** Filter regex: any path with the invite segment in it, case-insensitively, so no variant slips past. */
	static final String ROUTE_REGEX = "(?i).*__invite__.*";

	static final String ALL_CONTEXTS = "(osgi.http.whiteboard.context.name=*)";

	/** The Jakarta filter's name; the javax filter's name begins with it. */
	static final String FILTER_NAME = "partyline-invite-guard";

	/** Filters of both flavours may see one request; the second lets through what the first admitted. */
	static final String ADMITTED_ATTRIBUTE = InviteGuard.class.getName() + ".admitted";

	/**
	 * A request at an invite route, whichever servlet API carries it: what the guard reads and writes of it, named as
	 * in both APIs' {@code HttpServletRequest}, so that each flavour's {@code HttpServletRequestWrapper} provides it.
	 */
	interface GuardedRequest {

		String getMethod();

		String getRequestURI();

		String getHeader(String name);

		Object getAttribute(String name);

		void setAttribute(String name, Object value);
	}

	/**
	 * What the guard does through the flavour's response or chain: answer 404, or pass the request on.
	 *
	 * @param <X> the servlet API's own {@code ServletException}
	 */
	interface Step<X extends Exception> {
		void run() throws IOException, X;
	}

	/** What {@link #ROUTE_REGEX} matches, for a guard that is no whiteboard filter (a WAR's {@link WarGate}). */
	static boolean onInviteRoute(String path) {
		return path != null && path.toLowerCase(Locale.ROOT).contains(PartylineConstants.INVITE_SEGMENT);
	}

	/** Whether a filter the runtime reports deployed is one of the guards, by its name. */
	static boolean isGuard(String filterName) {
		return filterName != null && filterName.startsWith(FILTER_NAME);
	}

	private final Tickets tickets;
	private final ConnectWitness witness;

	@Activate
	public InviteGuard(@Reference InvitationBook book, @Reference ConnectWitness witness) {
		this.tickets = book.tickets();
		this.witness = witness;
	}

	/** Lets the request pass if it redeems a ticket (or the other flavour's guard admitted it); refuses it if not. */
	<X extends Exception> void filter(GuardedRequest request, Step<X> refuse, Step<X> pass) throws IOException, X {
		if (request.getAttribute(ADMITTED_ATTRIBUTE) != null) {
			pass.run();
			return;
		}
		Ticket ticket = tickets.redeem(request.getMethod(), request.getRequestURI(),
				request.getHeader(Tickets.TOKEN_HEADER));
		if (ticket == null) {
			refuse.run();
			return;
		}
		request.setAttribute(ADMITTED_ATTRIBUTE, Boolean.TRUE);
		request.setAttribute(PartylineConstants.REQUEST_ATTRIBUTE, ticket.partyline);
		ConnectWitness.Session session = witness.begin(ticket.connections::add);
		try {
			pass.run();
		} finally {
			witness.end(session);
		}
	}
}
