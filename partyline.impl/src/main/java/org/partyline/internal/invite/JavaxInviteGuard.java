package org.partyline.internal.invite;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link InviteGuard} on the javax HTTP Whiteboard. */
@Component(service = Filter.class, property = {
		"osgi.http.whiteboard.filter.name=" + InviteGuard.FILTER_NAME + "-javax",
		"osgi.http.whiteboard.filter.regex=" + InviteGuard.ROUTE_REGEX,
		"osgi.http.whiteboard.context.select=" + InviteGuard.ALL_CONTEXTS,
		"service.ranking:Integer=" + Integer.MAX_VALUE })
public final class JavaxInviteGuard implements Filter {

	/**
	 * The request as the guard sees it (the wrapper has all it needs). Twice on purpose: the Jakarta guard has its own,
	 * as no shared code may name a servlet type.
	 */
	private static final class Guarded extends HttpServletRequestWrapper implements InviteGuard.GuardedRequest {
		Guarded(ServletRequest request) {
			super((HttpServletRequest) request);
		}
	}

	private final InviteGuard guard;

	@Activate
	public JavaxInviteGuard(@Reference InviteGuard guard) {
		this.guard = guard;
	}

	/** Nothing to set up; written out because Servlet 3.1 and older (imported too) have no default for it. */
	@Override
	public void init(FilterConfig config) {
		// the guard is ready when constructed
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		guard.filter(new Guarded(request),
				() -> ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND),
				() -> chain.doFilter(request, response));
	}

	/** Nothing to release; written out because Servlet 3.1 and older have no default for it. */
	@Override
	public void destroy() {
		// tickets belong to the invitation book
	}
}
