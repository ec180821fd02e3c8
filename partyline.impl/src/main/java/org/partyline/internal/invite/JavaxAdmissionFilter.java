package org.partyline.internal.invite;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link Admissions} on the javax HTTP Whiteboard; see {@link JakartaAdmissionFilter}. */
@Component(service = Filter.class, property = {
		"osgi.http.whiteboard.filter.name=" + JakartaAdmissionFilter.NAME + "-javax",
		"osgi.http.whiteboard.filter.pattern=/*",
		"osgi.http.whiteboard.context.select=" + InviteGuard.ALL_CONTEXTS,
		"service.ranking:Integer=" + (Integer.MAX_VALUE - 1) })
public final class JavaxAdmissionFilter implements Filter {

	private final Admissions admissions;

	@Activate
	public JavaxAdmissionFilter(@Reference Admissions admissions) {
		this.admissions = admissions;
	}

	/** Nothing to set up; written out because Servlet 3.1 and older (imported too) have no default for it. */
	@Override
	public void init(FilterConfig config) {
		// ready when constructed
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!admissions.noneAwaited() && request instanceof HttpServletRequest
				&& Admissions.mayHold(request.getAttribute(InviteGuard.ADMITTED_ATTRIBUTE),
						request.getAttribute(Admissions.HELD_ATTRIBUTE))) {
			HttpServletRequest http = (HttpServletRequest) request;
			if (admissions.holdWhileAwaited(http.getContextPath(), http.getServletPath(), http.getPathInfo())) {
				http.setAttribute(Admissions.HELD_ATTRIBUTE, Boolean.TRUE);
				try {
					chain.doFilter(request, response);
				} finally {
					admissions.wentOn();
				}
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** Nothing to release; written out because Servlet 3.1 and older have no default for it. */
	@Override
	public void destroy() {
		// the admissions belong to their own component
	}
}
