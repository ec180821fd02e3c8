package org.partyline.internal.handlers;

import java.util.Comparator;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.ServiceObjects;
import org.osgi.service.log.Logger;
import org.partyline.api.Handler;
import org.partyline.api.HighAndDry;
import org.partyline.api.Reply;

/**
 * One handler service as the hot path sees it.
 * <p>
 * The handler object is got on first use, not when the service appears: getting it can activate a DS component
 * that itself needs a {@code Partyline}, and the index must not do that while the partyline is being activated.
 * Once got, it is one volatile read (a plain load on x86) per call; it is released when the service goes.
 * <p>
 * When the framework gives no object (a DS component that fails to activate, a service factory that throws), an
 * {@link Unobtainable} stands in for it: it declines, and asks the framework again only after a pause, so a broken
 * handler costs an ask neither a lock nor a failed activation, and the log one warning, not one per ask.
 */
public final class HandlerEntry implements Callee {

	/** OSGi service order: highest ranking first, then lowest service id. */
	static final Comparator<HandlerEntry> PRECEDENCE = Comparator.comparingInt((HandlerEntry e) -> e.ranking())
			.reversed()
			.thenComparingLong(HandlerEntry::serviceId);

	/** How long a handler whose object could not be got is passed over before it is asked for again. */
	static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final ServiceObjects<Handler> objects;
	private final Logger logger;
	private final long ownerId;
	private final String ownerName;
	private final long serviceId;
	private volatile int ranking;
	/** The names this entry is indexed under; the writer's bookkeeping. */
	String[] names = new String[0];
	private volatile Handler handler;
	private boolean released;
	/** How asynchronous asks call this handler. */
	private final HandlerLane lane = new HandlerLane();

	HandlerEntry(ServiceObjects<Handler> objects, long ownerId, String ownerName, long serviceId, Logger logger) {
		this.objects = objects;
		this.logger = logger;
		this.ownerId = ownerId;
		this.ownerName = ownerName;
		this.serviceId = serviceId;
	}

	@Override
	public HandlerLane lane() {
		return lane;
	}

	@Override
	public Reply late(long askedAtNanos) {
		return HandlerReply.late(this, askedAtNanos);
	}

	/**
	 * @return the handler object, an {@link Unobtainable} standing in for it, or {@code null} once the service went
	 */
	public Handler handler() {
		Handler current = handler;
		return current != null ? current : acquire(null);
	}

	/** Gets the object, unless another thread did or the service went; {@code failed} is the stand-in to replace. */
	private synchronized Handler acquire(Unobtainable failed) {
		if (!released && handler == failed) {
			Handler got = null;
			RuntimeException failure = null;
			try {
				got = objects.getService();
			} catch (RuntimeException e) {
				failure = e; // unregistered meanwhile, or the framework refused
			}
			handler = got != null ? got : new Unobtainable(System.nanoTime() + RETRY_NANOS);
			// no warning for a service unregistered meanwhile: its entry is about to go
			if (got == null && failed == null && objects.getServiceReference().getBundle() != null) {
				logger.warn("Handler service {} of bundle {} [{}] gave no object (its component failed to activate?);"
						+ " it is passed over and asked for again every {} ms", serviceId, ownerName, ownerId,
						TimeUnit.NANOSECONDS.toMillis(RETRY_NANOS), failure);
			} else if (got != null && failed != null) {
				logger.info("Handler service {} of bundle {} [{}] answers again", serviceId, ownerName, ownerId);
			}
		}
		return handler;
	}

	/** Whether the framework gave no object for this handler last time it was asked. */
	public boolean isUnobtainable() {
		return handler instanceof Unobtainable;
	}

	/** Stands in for an object the framework did not give: declines, and after a pause asks for the object again. */
	private final class Unobtainable implements Handler {

		private final long retryAt;

		Unobtainable(long retryAt) {
			this.retryAt = retryAt;
		}

		@Override
		public Object handle(Object payload) {
			if (System.nanoTime() - retryAt >= 0) {
				Handler again = acquire(this);
				if (again != null && !(again instanceof Unobtainable)) {
					return again.handle(payload);
				}
			}
			throw HighAndDry.decline();
		}
	}

	/** The service went: give the object back, and never get it again. */
	synchronized void release() {
		released = true;
		Handler current = handler;
		handler = null;
		if (current != null && !(current instanceof Unobtainable)) {
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

	/** Only for the index's writer, which re-sorts the arrays holding this entry in the same step. */
	void ranking(int newRanking) {
		ranking = newRanking;
	}

	public long serviceId() {
		return serviceId;
	}

	@Override
	public String toString() {
		return "handler " + serviceId + " of " + ownerName + " [" + ownerId + "] ranking " + ranking;
	}
}
