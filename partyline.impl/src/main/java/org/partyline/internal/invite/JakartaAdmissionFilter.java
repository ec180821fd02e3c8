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

/**
 * The {@link Admissions} on the Jakarta Servlet Whiteboard: every request in every context, right after the invite
 * guard. Written out in full in both flavours, without wrappers or lambdas, because it is on every request's path.
 */
@Component(service = Filter.class, property = {
		"osgi.http.whiteboard.filter.name=" + JakartaAdmissionFilter.NAME,
		"osgi.http.whiteboard.filter.pattern=/*",
		"osgi.http.whiteboard.context.select=" + InviteGuard.ALL_CONTEXTS,
		"service.ranking:Integer=" + (Integer.MAX_VALUE - 1) })
public final class JakartaAdmissionFilter implements Filter {

	/** The filter's name; the javax filter's begins with it. */
	static final String NAME = "partyline-admission";

	private final Admissions admissions;

	@Activate
	public JakartaAdmissionFilter(@Reference Admissions admissions) {
		this.admissions = admissions;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!admissions.noneAwaited() && request instanceof HttpServletRequest http
				&& Admissions.mayHold(http.getAttribute(InviteGuard.ADMITTED_ATTRIBUTE),
						http.getAttribute(Admissions.HELD_ATTRIBUTE))) {
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
}
