package org.partyline.internal.invite;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/** The {@link InviteGuard} on the Jakarta Servlet Whiteboard. */
@Component(service = Filter.class, property = {
		"osgi.http.whiteboard.filter.name=" + InviteGuard.FILTER_NAME,
		"osgi.http.whiteboard.filter.regex=" + InviteGuard.ROUTE_REGEX,
		"osgi.http.whiteboard.context.select=" + InviteGuard.ALL_CONTEXTS,
		"service.ranking:Integer=" + Integer.MAX_VALUE })
public final class JakartaInviteGuard implements Filter {

	/**
	 * The request as the guard sees it (the wrapper has all it needs). Twice on purpose: the javax guard has its own,
	 * as no shared code may name a servlet type.
	 */
	private static final class Guarded extends HttpServletRequestWrapper implements InviteGuard.GuardedRequest {
		Guarded(ServletRequest request) {
			super((HttpServletRequest) request);
		}
	}

	private final InviteGuard guard;

	@Activate
	public JakartaInviteGuard(@Reference InviteGuard guard) {
		this.guard = guard;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		guard.filter(new Guarded(request),
				() -> ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND),
				() -> chain.doFilter(request, response));
	}
}
