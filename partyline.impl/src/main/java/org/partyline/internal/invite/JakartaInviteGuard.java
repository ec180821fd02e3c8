package org.partyline.internal.invite;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.partyline.internal.ConnectWitness;
import org.partyline.internal.Switchboard;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The invite guard on the Jakarta Servlet Whiteboard; {@link JavaxInviteGuard} is its javax twin. */
@Component(service = Filter.class, property = {
		"osgi.http.whiteboard.filter.name=partyline-invite-guard",
		"osgi.http.whiteboard.filter.regex=" + InviteGuard.ROUTE_REGEX,
		"osgi.http.whiteboard.context.select=" + InviteGuard.ALL_CONTEXTS,
		"service.ranking:Integer=" + Integer.MAX_VALUE })
public final class JakartaInviteGuard implements Filter {

	private final InviteGuard guard;

	@Activate
	public JakartaInviteGuard(@Reference InvitationBook book, @Reference Switchboard switchboard) {
		this.guard = new InviteGuard(book.tokens(), switchboard.witness());
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
}
