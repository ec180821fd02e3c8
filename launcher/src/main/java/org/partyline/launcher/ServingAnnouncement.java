package org.partyline.launcher;

import java.util.Collection;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.condition.Condition;

/**
 * Opens the start gate and prints where to point the browser, with the time it took, once the framework has started
 * every bundle, the HTTP runtime is up and the partyline has answered the invitation of every servlet there: so the
 * first page served already has every other application's links. The partyline says the last through the OSGi
 * condition {@value #INVITATIONS_ANSWERED}; the launcher says all of it through the condition {@value #READY}, which
 * the start gate (bundle {@code launcher.gate}) holds every request for.
 */
final class ServingAnnouncement implements ServiceListener, FrameworkListener {

	static final String INVITATIONS_ANSWERED = "partyline.invitations.answered";
	static final String READY = "partyline.launcher.ready";

	private static final String HTTP_RUNTIME = "(objectClass=org.osgi.service.servlet.runtime.HttpServiceRuntime)";
	private static final String ANSWERED = "(&(objectClass=org.osgi.service.condition.Condition)"
			+ "(osgi.condition.id=" + INVITATIONS_ANSWERED + "))";

	private final BundleContext context;
	private final long startedNanos;
	private final AtomicBoolean announced = new AtomicBoolean();
	private volatile boolean frameworkStarted;

	private ServingAnnouncement(BundleContext context, long startedNanos) {
		this.context = context;
		this.startedNanos = startedNanos;
	}

	/** Listens from now on (before the bundles are installed) and announces once, when all is ready. */
	static void listen(BundleContext context, long startedNanos) throws InvalidSyntaxException {
		ServingAnnouncement announcement = new ServingAnnouncement(context, startedNanos);
		context.addFrameworkListener(announcement);
		context.addServiceListener(announcement, "(|" + HTTP_RUNTIME + ANSWERED + ")");
	}

	@Override
	public void frameworkEvent(FrameworkEvent event) {
		if (event.getType() == FrameworkEvent.STARTED) {
			frameworkStarted = true;
			announceIfReady();
		}
	}

	@Override
	public void serviceChanged(ServiceEvent event) {
		if (event.getType() == ServiceEvent.REGISTERED) {
			announceIfReady();
		}
	}

	private void announceIfReady() {
		ServiceReference<?> runtime = first(HTTP_RUNTIME);
		if (!frameworkStarted || runtime == null || first(ANSWERED) == null
				|| !announced.compareAndSet(false, true)) {
			return;
		}
		context.removeServiceListener(this);
		context.removeFrameworkListener(this);
		try {
			context.registerService(Condition.class, Condition.INSTANCE,
					new Hashtable<>(Map.of(Condition.CONDITION_ID, READY)));
		} catch (IllegalStateException stopping) {
			return; // the framework stops before it was ready: nothing to open, nothing to announce
		}
		String endpoint = firstOf(runtime.getProperty("osgi.http.endpoint")).replaceFirst("/$", "");
		System.out.printf("Partyline: serving after %d ms; open %s/shop/ or %s/blog/ (Ctrl-C stops)%n",
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos), endpoint, endpoint);
	}

	private ServiceReference<?> first(String filter) {
		try {
			ServiceReference<?>[] references = context.getServiceReferences((String) null, filter);
			return references == null ? null : references[0];
		} catch (InvalidSyntaxException | IllegalStateException stopping) {
			return null;
		}
	}

	private static String firstOf(Object endpoints) {
		if (endpoints instanceof String[] array && array.length > 0) {
			return array[0];
		}
		if (endpoints instanceof Collection<?> collection && !collection.isEmpty()) {
			return String.valueOf(collection.iterator().next());
		}
		return String.valueOf(endpoints);
	}
}
