package org.partyline.internal.invite;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.partyline.api.Invitations;

/**
 * Sees every whiteboard servlet that will be invited the moment it is registered, before any whiteboard runtime can
 * deploy it: an event listener hook is called with each service event before the event reaches a single listener,
 * the runtimes' included. So its requests are awaited from before the first can arrive. Servlets registered before
 * are found when it opens.
 */
final class ServletArrivals implements EventListenerHook {

	/** Whiteboard servlets of either API that did not opt out of invitations. */
	private static final String INVITED_SERVLETS = "(&(|(objectClass=jakarta.servlet.Servlet)"
			+ "(objectClass=javax.servlet.Servlet))(osgi.http.whiteboard.servlet.pattern=*)(!("
			+ Invitations.INVITE_PROPERTY + "=false)))";

	private final BundleContext context;
	private final Filter invited;
	private final BiConsumer<Long, List<String>> arrived;
	private final LongConsumer left;
	private final Runnable admissionLeaving;
	private ServiceRegistration<EventListenerHook> registration;

	/**
	 * @param admissionLeaving called when one of our admission filters is being unregistered, before any runtime
	 *            hears of it: requests it holds must go on while the other filters of their chain are still there
	 */
	ServletArrivals(BundleContext context, BiConsumer<Long, List<String>> arrived, LongConsumer left,
			Runnable admissionLeaving) {
		this.context = context;
		this.arrived = arrived;
		this.left = left;
		this.admissionLeaving = admissionLeaving;
		this.invited = filter(INVITED_SERVLETS);
	}

	void open() {
		registration = context.registerService(EventListenerHook.class, this, null);
		try {
			ServiceReference<?>[] present = context.getServiceReferences((String) null, INVITED_SERVLETS);
			for (ServiceReference<?> servlet : present == null ? new ServiceReference<?>[0] : present) {
				arriving(servlet);
			}
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	void close() {
		try {
			registration.unregister();
		} catch (IllegalStateException alreadyGone) {
			// our bundle is stopping: the framework withdrew it
		}
	}

	@Override
	public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
		ServiceReference<?> reference = event.getServiceReference();
		switch (event.getType()) {
		case ServiceEvent.REGISTERED -> arriving(reference);
		case ServiceEvent.UNREGISTERING -> {
			left.accept(serviceId(reference));
			if (isOurAdmissionFilter(reference)) {
				admissionLeaving.run();
			}
		}
		case ServiceEvent.MODIFIED_ENDMATCH -> left.accept(serviceId(reference));
		default -> {
			// MODIFIED: a servlet known is not invited again, so its requests have nothing to wait for
		}
		}
	}

	/** An invited servlet with an invite route, not our own, is awaited; others are not invited at all. */
	private void arriving(ServiceReference<?> reference) {
		if (!invited.match(reference) || reference.getBundle() == null
				|| reference.getBundle().getBundleId() == context.getBundle().getBundleId()) {
			return;
		}
		List<String> patterns = PropertyValues.strings(reference.getProperty("osgi.http.whiteboard.servlet.pattern"));
		boolean hasRoute = InviteRoutes.explicit(reference.getProperty(Invitations.ROUTE_PROPERTY)).isPresent()
				|| InviteRoutes.derive(patterns).isPresent();
		if (hasRoute) {
			arrived.accept(serviceId(reference), patterns);
		}
	}

	/**
	 * One of the admission filters of our bundle. A request held in one of them goes on through the other flavour's,
	 * and a runtime fails a request whose chain has a filter it has withdrawn (Felix HTTP answers 500): so held
	 * requests are let go as soon as the first of them is leaving.
	 */
	private boolean isOurAdmissionFilter(ServiceReference<?> reference) {
		Bundle owner = reference.getBundle();
		return owner != null && owner.getBundleId() == context.getBundle().getBundleId()
				&& String.valueOf(reference.getProperty("osgi.http.whiteboard.filter.name"))
						.startsWith(JakartaAdmissionFilter.NAME);
	}

	private static long serviceId(ServiceReference<?> reference) {
		return (Long) reference.getProperty(Constants.SERVICE_ID);
	}

	private static Filter filter(String filter) {
		try {
			return FrameworkUtil.createFilter(filter);
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
	}
}
