package org.partyline.api.internal;

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

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The first filter of a WAR: hands every request to the partyline implementation's gate for this WAR while there is
 * one, and lets it pass untouched while there is none. It lives as long as the WAR's deployment, so an implementation
 * that starts later, or again, finds the WAR through it.
 * <p>
 * The implementation's gate is a bundle-scoped service got through the WAR's own context, so it knows which bundle
 * it serves. It is published as a {@code ServletContainerInitializer}: a type both bundles share that no whiteboard
 * tracks (a {@code Filter} service would be taken up by Pax Web's). Its {@code onStartup} attaches it to this WAR's
 * context; the same object is the {@code Filter} requests go through, and its {@code destroy} detaches it.
 */
final class WarHook implements Filter {

	/** The service property that marks the implementation's gate. */
	static final String GATE_PROPERTY = "partyline.war.gate";

	private final ServletContext servletContext;
	private final ServiceTracker<ServletContainerInitializer, ServletContainerInitializer> gates;
	private volatile Filter current;

	WarHook(BundleContext war, ServletContext servletContext) {
		this.servletContext = servletContext;
		this.gates = new ServiceTracker<>(war, gateFilter(war), null) {
			@Override
			public ServletContainerInitializer addingService(ServiceReference<ServletContainerInitializer> reference) {
				ServletContainerInitializer gate = super.addingService(reference);
				attach(gate);
				return gate;
			}

			@Override
			public void removedService(ServiceReference<ServletContainerInitializer> reference,
					ServletContainerInitializer gate) {
				detach(gate);
				super.removedService(reference, gate);
			}
		};
		gates.open(); // now: an implementation already there is attached before the WAR serves
	}

	private static org.osgi.framework.Filter gateFilter(BundleContext war) {
		try {
			return war.createFilter("(&(objectClass=" + ServletContainerInitializer.class.getName() + ")("
					+ GATE_PROPERTY + "=*))");
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	private void attach(ServletContainerInitializer gate) {
		if (!(gate instanceof Filter) || current != null) {
			return; // not a gate, or a second implementation: one partyline per WAR
		}
		try {
			gate.onStartup(Set.of(), servletContext);
			current = (Filter) gate;
		} catch (ServletException | RuntimeException e) {
			servletContext.log("Partyline: the partyline's gate could not attach to this WAR", e);
		}
	}

	private void detach(ServletContainerInitializer gate) {
		if (gate != current) {
			return;
		}
		current = null;
		try {
			((Filter) gate).destroy();
		} catch (RuntimeException e) {
			servletContext.log("Partyline: the partyline's gate failed to detach from this WAR", e);
		}
	}

	/** Nothing to set up: the gate attached when this was made. Written out for Servlet 3 (no default there). */
	@Override
	public void init(FilterConfig config) {
		// attached in the constructor
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Filter gate = current;
		if (gate == null) {
			chain.doFilter(request, response);
		} else {
			gate.doFilter(request, response, chain);
		}
	}

	/** The WAR is undeployed: the implementation's gate forgets it. */
	@Override
	public void destroy() {
		try {
			gates.close();
		} catch (IllegalStateException warStopped) {
			// its bundle context is no longer valid: the framework released the gate service already
		}
	}
}
