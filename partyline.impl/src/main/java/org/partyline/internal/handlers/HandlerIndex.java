package org.partyline.internal.handlers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import org.partyline.internal.BundleStates;

/**
 * Every {@link Handler} service with a {@code partyline.service.name}, indexed by name.
 * <p>
 * Readers get an immutable array, ordered by precedence, with one lock-free table read ({@link NameTable}).
 * Writers (service events, serialised by a lock) replace the arrays of the names they touch: copy-on-write per name,
 * so registering a handler costs O(handlers of its names); a new name takes an empty slot of the table in place.
 */
public final class HandlerIndex implements ServiceTrackerCustomizer<Handler, HandlerEntry> {

	private final BundleContext context;
	private final Logger logger;
	private final NameTable byName = new NameTable();
	private final Object writeLock = new Object();
	private final ServiceTracker<Handler, HandlerEntry> tracker;
	/** Told after every change of the index (the node's, which tells its peers); nothing when nobody listens. */
	private volatile Runnable changed = () -> { };

	public HandlerIndex(BundleContext context, Logger logger) {
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

	/**
	 * Tracks all services, not only those Felix deems assignable to us: for a plain service listener Felix checks
	 * assignability on every event, and that check throws inside Felix when the service's bundle is already
	 * uninstalled, so the event (an UNREGISTERING one, say) never arrives and a gone handler would stay indexed.
	 * {@link #addingService} makes the check itself, where a failure can be handled.
	 */
	public void open() {
		tracker.open(true);
	}

	/** Stops tracking: every handler object is released and the index emptied. */
	public void close() {
		tracker.close();
	}

	/**
	 * @return the handlers of that name in precedence order, or {@code null} when no handler has that name; the array
	 *         must not be modified
	 */
	public HandlerEntry[] handlers(String serviceName) {
		return byName.get(serviceName);
	}

	/** A sorted copy of the index, for inspection (shell commands, tests). */
	/** Runs {@code action} after every change from now on, on the thread that made it; it must return at once. */
	public void whenChanged(Runnable action) {
		changed = action;
	}

	/** Each name with the symbolic names of the bundles that have handlers of it, sorted, without repeats. */
	public Map<String, List<String>> applications() {
		Map<String, List<String>> applications = new TreeMap<>();
		byName.forEach((name, entries) -> applications.put(name,
				Arrays.stream(entries).map(HandlerEntry::ownerName).distinct().sorted().toList()));
		return applications;
	}

	public Map<String, List<HandlerEntry>> snapshot() {
		Map<String, List<HandlerEntry>> copy = new TreeMap<>();
		byName.forEach((name, entries) -> copy.put(name, Collections.unmodifiableList(Arrays.asList(entries))));
		return copy;
	}

	@Override
	public HandlerEntry addingService(ServiceReference<Handler> reference) {
		if (!usesOurHandlerType(reference)) {
			return null;
		}
		ServiceObjects<Handler> objects = context.getServiceObjects(reference);
		Bundle owner = reference.getBundle();
		if (objects == null || owner == null) {
			return null; // unregistered meanwhile
		}
		if (!BundleStates.startingOrActive(owner)) {
			// Registered while its bundle stops: the framework has already withdrawn that bundle's services but its
			// context is valid until STOPPED, so a connect racing with the stop can add one. It goes with the bundle
			// (connect withdraws it too) and must not answer meanwhile.
			return null;
		}
		HandlerEntry entry = new HandlerEntry(objects, owner.getBundleId(), owner.getSymbolicName(),
				(Long) reference.getProperty(Constants.SERVICE_ID), logger);
		synchronized (writeLock) {
			index(entry, reference);
		}
		changed.run();
		return entry;
	}

	/** A changed ranking or name list: each affected name's array is replaced once, so no ask sees it half done. */
	@Override
	public void modifiedService(ServiceReference<Handler> reference, HandlerEntry entry) {
		synchronized (writeLock) {
			String[] before = entry.names;
			String[] after = namesOf(entry, reference);
			entry.ranking(ranking(reference));
			entry.names = after;
			for (String name : before) {
				if (!Arrays.asList(after).contains(name)) {
					byName.put(name, removed(byName.get(name), entry));
				}
			}
			for (String name : after) {
				byName.put(name, inserted(removed(byName.get(name), entry), entry));
			}
		}
		changed.run();
	}

	@Override
	public void removedService(ServiceReference<Handler> reference, HandlerEntry entry) {
		synchronized (writeLock) {
			unindex(entry);
		}
		entry.release();
		changed.run();
	}

	/** Whether the service's {@code Handler} is the one we call; a bundle that is leaving meanwhile counts as no. */
	private boolean usesOurHandlerType(ServiceReference<Handler> reference) {
		try {
			return reference.isAssignableTo(context.getBundle(), Handler.class.getName());
		} catch (RuntimeException leaving) {
			return false;
		}
	}

	private void index(HandlerEntry entry, ServiceReference<Handler> reference) {
		entry.ranking(ranking(reference));
		entry.names = namesOf(entry, reference);
		for (String name : entry.names) {
			byName.put(name, inserted(byName.get(name), entry));
		}
	}

	/** The names the service answers, with a warning for a property that is partly or wholly unusable. */
	private String[] namesOf(HandlerEntry entry, ServiceReference<Handler> reference) {
		Object nameProperty = reference.getProperty(PartylineConstants.SERVICE_NAME);
		ServiceNames read = ServiceNames.of(nameProperty);
		String[] names = read.names();
		if (!read.allUsable()) {
			logger.warn("Handler service {} of bundle {} [{}] has an unusable {} property {}; {}", entry.serviceId(),
					entry.ownerName(), entry.ownerId(), PartylineConstants.SERVICE_NAME, describe(nameProperty),
					names.length == 0 ? "it is ignored" : "it answers only " + Arrays.toString(names));
		}
		return names;
	}

	private void unindex(HandlerEntry entry) {
		for (String name : entry.names) {
			byName.put(name, removed(byName.get(name), entry));
		}
		entry.names = new String[0];
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
