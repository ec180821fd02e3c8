package org.partyline.internal;

import java.util.Comparator;

import org.partyline.api.Handler;

/**
 * One handler service as the hot path sees it: immutable, so an ask can read it without a lock.
 */
public final class HandlerEntry {

	/** OSGi service order: highest ranking first, then lowest service id. */
	static final Comparator<HandlerEntry> PRECEDENCE = Comparator.comparingInt((HandlerEntry e) -> e.ranking)
			.reversed()
			.thenComparingLong(e -> e.serviceId);

	final Handler handler;
	final long ownerId;
	final String ownerName;
	final int ranking;
	final long serviceId;

	HandlerEntry(Handler handler, long ownerId, String ownerName, int ranking, long serviceId) {
		this.handler = handler;
		this.ownerId = ownerId;
		this.ownerName = ownerName;
		this.ranking = ranking;
		this.serviceId = serviceId;
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
