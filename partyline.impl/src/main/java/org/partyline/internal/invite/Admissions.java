package org.partyline.internal.invite;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.partyline.internal.PartylineConfiguration;

/**
 * Keeps every request away from a whiteboard servlet until that servlet's invitation is answered (joined, declined
 * or failed), so that a servlet never serves without the {@code Partyline} it was invited with. The admission
 * filters of both servlet APIs ask here for every request; the {@link Inviter} says which servlets are awaited and
 * when each is answered.
 * <p>
 * What the filters read is one array, swapped whole by the writers: when nothing is awaited, which is nearly always,
 * a request costs one volatile read. A request that may be an awaited servlet's waits for its answer at most the hold
 * limit (the invite timeout), then goes on: nothing the partyline does can hang a request for longer.
 */
@Component(service = Admissions.class)
public final class Admissions {

	/** Set on a request that was held, so that the other flavour's filter, if it sees it too, does not hold it again. */
	static final String HELD_ATTRIBUTE = Admissions.class.getName() + ".held";

	private static final AwaitedServlet[] NONE = {};

	/** How long the partyline's stop waits for released requests to leave the filters' chains, at most. */
	private static final long LEAVING_NANOS = TimeUnit.SECONDS.toNanos(1);

	private volatile AwaitedServlet[] awaited = NONE;
	/** Requests that were held and are still on their way through the rest of their chain; guarded by itself. */
	private final int[] goingOn = { 0 };
	private volatile long holdLimitNanos = Duration.ofMillis(PartylineConfiguration.DEFAULT_INVITE_TIMEOUT_MILLIS)
			.toNanos();
	private final AnsweredCondition condition;

	@Activate
	public Admissions(BundleContext context) {
		this.condition = new AnsweredCondition(context, this::noneAwaited);
	}

	@Deactivate
	void deactivate() {
		closed();
	}

	/** The inviter has started and awaits every servlet present: what is awaited now means something. */
	void opened() {
		condition.open();
	}

	/** The inviter stops: nobody would answer, so every request goes on. */
	void closed() {
		condition.close();
		answerAll();
	}

	/** The hot path's one question: when true, a request passes without looking at it. */
	boolean noneAwaited() {
		return awaited.length == 0;
	}

	/**
	 * Whether a request may have to wait, by two of its attributes: not an invitation (the invite guard admitted it:
	 * it is how the answer comes), and not held before by the other flavour's filter.
	 */
	static boolean mayHold(Object admittedAttribute, Object heldAttribute) {
		return admittedAttribute == null && heldAttribute == null;
	}

	/**
	 * Holds the calling request while a servlet that may serve it is awaited, at most the hold limit from now.
	 *
	 * @return {@code true} if it was held
	 */
	boolean holdWhileAwaited(String contextPath, String servletPath, String pathInfo) {
		long deadline = 0;
		boolean held = false;
		for (AwaitedServlet servlet : awaited) {
			if (!servlet.mayServe(contextPath, servletPath, pathInfo)) {
				continue;
			}
			if (!held) {
				deadline = System.nanoTime() + holdLimitNanos; // only now: the clock costs more than the matching
			}
			held = true;
			try {
				if (!servlet.awaitAnswer(deadline - System.nanoTime())) {
					break; // the limit is for the request, not for each servlet it might be
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (held) {
			synchronized (goingOn) {
				goingOn[0]++;
			}
		}
		return held;
	}

	/** A request that was held has been through the rest of its chain (the filter calls this in a finally). */
	void wentOn() {
		synchronized (goingOn) {
			if (--goingOn[0] == 0) {
				goingOn.notifyAll();
			}
		}
	}

	void holdLimit(Duration limit) {
		holdLimitNanos = limit.toNanos();
	}

	/**
	 * A servlet was registered that will be invited: its requests wait from now.
	 *
	 * @return the servlet awaited, or {@code null} if it already was
	 */
	AwaitedServlet await(long serviceId, List<String> patterns) {
		AwaitedServlet servlet;
		synchronized (this) {
			if (find(serviceId) != null) {
				return null;
			}
			servlet = new AwaitedServlet(serviceId, patterns);
			AwaitedServlet[] more = Arrays.copyOf(awaited, awaited.length + 1);
			more[awaited.length] = servlet;
			awaited = more;
		}
		condition.refresh();
		return servlet;
	}

	/** A runtime reports it deployed there: from now only requests in that context wait for it. */
	void located(long serviceId, String contextPath) {
		AwaitedServlet servlet = find(serviceId);
		if (servlet != null) {
			servlet.locatedIn(contextPath);
		}
	}

	/** Its invitation was answered, or it will not be invited, or it is gone: its requests go on. */
	void answered(long serviceId) {
		AwaitedServlet servlet;
		synchronized (this) {
			servlet = find(serviceId);
			if (servlet == null) {
				return;
			}
			awaited = Arrays.stream(awaited).filter(s -> s != servlet).toArray(AwaitedServlet[]::new);
		}
		servlet.answer();
		condition.refresh();
	}

	/** Still awaited but never reported deployed: no request can reach it, so none should wait for it. */
	void unlessLocated(long serviceId) {
		AwaitedServlet servlet = find(serviceId);
		if (servlet != null && !servlet.located()) {
			answered(serviceId);
		}
	}

	/** Lets every held request go, the servlets unanswered. */
	void answerAll() {
		AwaitedServlet[] all;
		synchronized (this) {
			all = awaited;
			awaited = NONE;
		}
		for (AwaitedServlet servlet : all) {
			servlet.answer();
		}
		condition.refresh();
	}

	/**
	 * Lets every held request go and waits (a second at most) until they have been through their chains: called as
	 * an admission filter is being unregistered, before any runtime hears of it, because a runtime fails a request
	 * still on its way through a chain whose filters it withdraws (Felix HTTP answers 500).
	 */
	void letHeldRequestsGoBeforeFiltersLeave() {
		answerAll();
		long until = System.nanoTime() + LEAVING_NANOS;
		synchronized (goingOn) {
			long left;
			while (goingOn[0] > 0 && (left = until - System.nanoTime()) > 0) {
				try {
					TimeUnit.NANOSECONDS.timedWait(goingOn, left);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/** Whether some awaited servlet has not been reported deployed by any runtime yet. */
	boolean anyUnlocated() {
		for (AwaitedServlet servlet : awaited) {
			if (!servlet.located()) {
				return true;
			}
		}
		return false;
	}

	/** The servlets awaited now, by service id. */
	long[] awaitedServiceIds() {
		return Arrays.stream(awaited).mapToLong(s -> s.serviceId).toArray();
	}

	private AwaitedServlet find(long serviceId) {
		for (AwaitedServlet servlet : awaited) {
			if (servlet.serviceId == serviceId) {
				return servlet;
			}
		}
		return null;
	}
}
