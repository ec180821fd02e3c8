package org.partyline.internal.invite;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partyline.internal.ConnectWitness;
import org.partyline.internal.Switchboard;

/** The invite guard on the javax HTTP Whiteboard; {@link JakartaInviteGuard} is its Jakarta twin. */
@Component(service = Filter.class, property = {
		"osgi.http.whiteboard.filter.name=partyline-invite-guard-javax",
		"osgi.http.whiteboard.filter.regex=" + InviteGuard.ROUTE_REGEX,
		"osgi.http.whiteboard.context.select=" + InviteGuard.ALL_CONTEXTS,
		"service.ranking:Integer=" + Integer.MAX_VALUE })
public final class JavaxInviteGuard implements Filter {

	private final InviteGuard guard;

	@Activate
	public JavaxInviteGuard(@Reference InvitationBook book, @Reference Switchboard switchboard) {
		this.guard = new InviteGuard(book.tokens(), switchboard.witness());
	}

	/** Nothing to set up; written out because Servlet 3.1 and older (imported too) have no default for it. */
	@Override
	public void init(FilterConfig config) {
		// the guard is ready when constructed
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest http = (HttpServletRequest) request;
		if (http.getAttribute(InviteGuard.ADMITTED_ATTRIBUTE) != null) {
			chain.doFilter(request, response);
			return;
		}
		Ticket ticket = guard.admit(http.getMethod(), http.getRequestURI(), http.getHeader(InviteTokens.HEADER));
		if (ticket == null) {
			((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		http.setAttribute(InviteGuard.ADMITTED_ATTRIBUTE, Boolean.TRUE);
		http.setAttribute(InviteGuard.OPERATOR_ATTRIBUTE, ticket.operator);
		ConnectWitness.Session session = guard.witness(ticket);
		try {
			chain.doFilter(request, response);
		} finally {
			guard.endWitness(session);
		}
	}

	/** Nothing to release; written out because Servlet 3.1 and older have no default for it. */
	@Override
	public void destroy() {
		// tickets belong to the invitation book
	}
}
