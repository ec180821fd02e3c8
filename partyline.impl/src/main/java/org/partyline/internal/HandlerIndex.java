package org.partyline.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.Logger;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.partyline.api.Handler;
import org.partyline.api.PartylineConstants;

/**
 * Every {@link Handler} service with a {@code partyline.service.name}, indexed by name.
 * <p>
 * Readers get an immutable array, ordered by precedence, with one lock-free map read. Writers (service events,
 * serialised by a lock) replace the arrays of the names they touch: copy-on-write per name, so registering a handler
 * costs O(handlers of its names), not O(all handlers).
 */
final class HandlerIndex implements ServiceTrackerCustomizer<Handler, HandlerIndex.Tracked> {

	/** What the tracker keeps per service: the object to release and the entry currently indexed. */
	static final class Tracked {
		final ServiceObjects<Handler> objects;
		final Handler handler;
		HandlerEntry entry;
		String[] names;

		Tracked(ServiceObjects<Handler> objects, Handler handler) {
			this.objects = objects;
			this.handler = handler;
		}
	}

	private final BundleContext context;
	private final Logger logger;
	private final ConcurrentHashMap<String, HandlerEntry[]> byName = new ConcurrentHashMap<>();
	private final Object writeLock = new Object();
	private final ServiceTracker<Handler, Tracked> tracker;

	HandlerIndex(BundleContext context, Logger logger) {
		this.context = context;
		this.logger = logger;
		this.tracker = new ServiceTracker<>(context, handlerFilter(context), this);
	}

	private static Filter handlerFilter(BundleContext context) {
		try {
			return context.createFilter("(&(" + Constants.OBJECTCLASS + "=" + Handler.class.getName() + ")("
					+ PartylineConstants.SERVICE_NAME + "=*))");
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	void open() {
		tracker.open();
	}

	/** Stops tracking: every handler object is released and the index emptied. */
	void close() {
		tracker.close();
	}

	/**
	 * @return the handlers of that name in precedence order, or {@code null} when no handler has that name; the array
	 *         must not be modified
	 */
	HandlerEntry[] handlers(String serviceName) {
		return byName.get(serviceName);
	}

	/** A sorted copy of the index, for inspection (shell commands, tests). */
	Map<String, List<HandlerEntry>> snapshot() {
		Map<String, List<HandlerEntry>> copy = new TreeMap<>();
		byName.forEach((name, entries) -> copy.put(name, Collections.unmodifiableList(Arrays.asList(entries))));
		return copy;
	}

	@Override
	public Tracked addingService(ServiceReference<Handler> reference) {
		ServiceObjects<Handler> objects = context.getServiceObjects(reference);
		Handler handler = objects == null ? null : objects.getService();
		if (handler == null) {
			// unregistered meanwhile, or its factory failed: nothing to index
			return null;
		}
		Tracked tracked = new Tracked(objects, handler);
		synchronized (writeLock) {
			index(tracked, reference);
		}
		return tracked;
	}

	@Override
	public void modifiedService(ServiceReference<Handler> reference, Tracked tracked) {
		synchronized (writeLock) {
			unindex(tracked);
			index(tracked, reference);
		}
	}

	@Override
	public void removedService(ServiceReference<Handler> reference, Tracked tracked) {
		synchronized (writeLock) {
			unindex(tracked);
		}
		try {
			tracked.objects.ungetService(tracked.handler);
		} catch (IllegalStateException | IllegalArgumentException e) {
			// our context or the service is already gone: the framework released it
		}
	}

	private void index(Tracked tracked, ServiceReference<Handler> reference) {
		Object nameProperty = reference.getProperty(PartylineConstants.SERVICE_NAME);
		String[] names = ServiceNames.of(nameProperty);
		Bundle owner = reference.getBundle();
		if (!ServiceNames.isValid(nameProperty)) {
			logger.warn("Handler service {} of bundle {} has an unusable {} property {}; {}", reference
					.getProperty(Constants.SERVICE_ID), owner, PartylineConstants.SERVICE_NAME,
					describe(nameProperty), names.length == 0 ? "it is ignored" : "it answers only " + Arrays.toString(names));
		}
		if (owner == null) {
			names = new String[0]; // unregistered while we looked
		}
		tracked.names = names;
		if (names.length == 0) {
			tracked.entry = null;
			return;
		}
		HandlerEntry entry = new HandlerEntry(tracked.handler, owner.getBundleId(), owner.getSymbolicName(),
				ranking(reference), (Long) reference.getProperty(Constants.SERVICE_ID));
		tracked.entry = entry;
		for (String name : names) {
			byName.put(name, inserted(byName.get(name), entry));
		}
	}

	private void unindex(Tracked tracked) {
		HandlerEntry entry = tracked.entry;
		if (entry == null) {
			return;
		}
		for (String name : tracked.names) {
			HandlerEntry[] remaining = removed(byName.get(name), entry);
			if (remaining == null) {
				byName.remove(name);
			} else {
				byName.put(name, remaining);
			}
		}
		tracked.entry = null;
	}

	private static HandlerEntry[] inserted(HandlerEntry[] entries, HandlerEntry entry) {
		if (entries == null) {
			return new HandlerEntry[] { entry };
		}
		int at = Arrays.binarySearch(entries, entry, HandlerEntry.PRECEDENCE);
		int insertion = at < 0 ? -at - 1 : at;
		HandlerEntry[] result = new HandlerEntry[entries.length + 1];
		System.arraycopy(entries, 0, result, 0, insertion);
		result[insertion] = entry;
		System.arraycopy(entries, insertion, result, insertion + 1, entries.length - insertion);
		return result;
	}

	/** @return the array without the entry, or {@code null} when nothing is left */
	private static HandlerEntry[] removed(HandlerEntry[] entries, HandlerEntry entry) {
		if (entries == null) {
			return null;
		}
		List<HandlerEntry> rest = new ArrayList<>(entries.length);
		for (HandlerEntry e : entries) {
			if (e != entry) {
				rest.add(e);
			}
		}
		return rest.isEmpty() ? null : rest.toArray(new HandlerEntry[0]);
	}

	private static int ranking(ServiceReference<?> reference) {
		Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
		return ranking instanceof Integer ? (Integer) ranking : 0;
	}

	private static String describe(Object value) {
		if (value instanceof Object[]) {
			return Arrays.deepToString((Object[]) value);
		}
		return value + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")");
	}
}
