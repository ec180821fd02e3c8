package org.partyline.bench;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Waits until EventAdmin has worked off what this thread posted. EventAdmin turns every service registration into an
 * asynchronous event; after thousands of registrations its threads would still be busy, on our two cores, while JMH
 * measures. Events posted by one thread are delivered in order, so once a marker posted last arrives, the rest have.
 */
final class EventAdminBarrier {

	private static final String TOPIC = "partyline/bench/barrier";

	private EventAdminBarrier() {
	}

	static void await(BundleContext context, EventAdmin eventAdmin) {
		CountDownLatch arrived = new CountDownLatch(1);
		Dictionary<String, Object> properties = new Hashtable<>();
		properties.put(EventConstants.EVENT_TOPIC, TOPIC);
		ServiceRegistration<EventHandler> marker = context.registerService(EventHandler.class,
				event -> arrived.countDown(), properties);
		try {
			eventAdmin.postEvent(new Event(TOPIC, Map.of()));
			if (!arrived.await(EmbeddedFelix.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("EventAdmin delivered nothing within " + EmbeddedFelix.PATIENCE);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		} finally {
			marker.unregister();
		}
	}
}
