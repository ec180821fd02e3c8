package org.partyline.internal;

import java.util.Comparator;

import org.osgi.framework.ServiceObjects;
import org.partyline.api.Handler;

/**
 * One handler service as the hot path sees it.
 * <p>
 * The handler object is got on first use, not when the service appears: getting it can activate a DS component
 * that itself needs a {@code Partyline}, and the index must not do that while the partyline is being activated.
 * Once got, it is one volatile read (a plain load on x86) per call; it is released when the service goes.
 */
public final class HandlerEntry {

	/** OSGi service order: highest ranking first, then lowest service id. */
	static final Comparator<HandlerEntry> PRECEDENCE = Comparator.comparingInt((HandlerEntry e) -> e.ranking)
			.reversed()
			.thenComparingLong(e -> e.serviceId);

	private final ServiceObjects<Handler> objects;
	final long ownerId;
	final String ownerName;
	final long serviceId;
	/** Changed only by the index's writer, which re-sorts the arrays holding this entry in the same step. */
	volatile int ranking;
	/** The names this entry is indexed under; the writer's bookkeeping. */
	String[] names = new String[0];
	private volatile Handler handler;
	private boolean released;

	HandlerEntry(ServiceObjects<Handler> objects, long ownerId, String ownerName, long serviceId) {
		this.objects = objects;
		this.ownerId = ownerId;
		this.ownerName = ownerName;
		this.serviceId = serviceId;
	}

	/** @return the handler object, or {@code null} if it cannot be had (its service is going, or failed) */
	Handler handler() {
		Handler current = handler;
		return current != null ? current : acquire();
	}

	private synchronized Handler acquire() {
		if (handler == null && !released) {
			try {
				handler = objects.getService();
			} catch (RuntimeException unavailable) {
				// unregistered meanwhile, or its component failed to activate: skip it this time
			}
		}
		return handler;
	}

	/** The service went: give the object back, and never get it again. */
	synchronized void release() {
		released = true;
		Handler current = handler;
		handler = null;
		if (current != null) {
			try {
				objects.ungetService(current);
			} catch (IllegalStateException | IllegalArgumentException alreadyGone) {
				// our context or the service is gone: the framework released it
			}
		}
	}

	public String ownerName() {
		return ownerName;
	}

	public long ownerId() {
		return ownerId;
	}

	public int ranking() {
		return ranking;
	}

	public long serviceId() {
		return serviceId;
	}

	@Override
	public String toString() {
		return "handler " + serviceId + " of " + ownerName + " [" + ownerId + "] ranking " + ranking;
	}
}
