package org.partyline.internal.invite;

import java.io.IOException;
import java.util.Set;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletContainerInitializer;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;

import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The partyline's gate in one WAR, the counterpart of the hook {@code partyline.api} puts into every WAR that imports
 * it: one instance per WAR bundle (bundle scope), attached to the WAR's context by {@code onStartup} and detached by
 * {@code destroy}. Every request of the WAR passes through it: an invite route only with its ticket (the
 * {@link InviteGuard}, as on the whiteboard), anything else after the WAR's invitations are answered (the
 * {@link Admissions}). Published as a {@code ServletContainerInitializer}, which no whiteboard takes up; the hook's
 * javadoc says why.
 */
@Component(service = ServletContainerInitializer.class, scope = ServiceScope.BUNDLE,
		property = WarGate.GATE_PROPERTY + "=javax")
public final class WarGate implements ServletContainerInitializer, Filter {

	/** The property the hook finds the gate by (partyline.api's WarHook has the same). */
	static final String GATE_PROPERTY = "partyline.war.gate";

	private final Bundle war;
	private final WarInvitations invitations;
	private final JavaxInviteGuard guard;
	private final JavaxAdmissionFilter admission;
	private volatile WarDeployment deployment;

	@Activate
	public WarGate(ComponentContext component, @Reference WarInvitations invitations, @Reference InviteGuard guard,
			@Reference Admissions admissions) {
		this.war = component.getUsingBundle();
		this.invitations = invitations;
		this.guard = new JavaxInviteGuard(guard);
		this.admission = new JavaxAdmissionFilter(admissions);
	}

	/** Attaches to the WAR's context: as it starts, or later if the partyline started after the WAR. */
	@Override
	public void onStartup(Set<Class<?>> classes, ServletContext context) {
		detach();
		deployment = invitations.attach(war, context);
	}

	/** Nothing: the hook is the filter the WAR's runtime initialises; this one it only calls. */
	@Override
	public void init(FilterConfig config) {
		// attached through onStartup
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest && onInviteRoute((HttpServletRequest) request)) {
			guard.doFilter(request, response, chain);
		} else {
			admission.doFilter(request, response, chain);
		}
	}

	/** As the whiteboard guard's regex: the raw path, and the decoded one in case the raw one hides the segment. */
	private static boolean onInviteRoute(HttpServletRequest request) {
		String pathInfo = request.getPathInfo();
		return InviteGuard.onInviteRoute(request.getRequestURI())
				|| InviteGuard.onInviteRoute(request.getServletPath() + (pathInfo == null ? "" : pathInfo));
	}

	/** The WAR is undeployed, or the hook lets go of us. */
	@Override
	public void destroy() {
		detach();
	}

	@Deactivate
	void deactivate() {
		detach();
	}

	private void detach() {
		WarDeployment gone = deployment;
		deployment = null;
		if (gone != null) {
			invitations.detach(gone);
		}
	}
}
