package org.partyline.internal.ask;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.osgi.util.promise.PromiseFactory;
import org.partyline.internal.NamedThreads;

/**
 * The partyline's own threads for asks with a deadline: a bounded pool calls the handlers, one timer thread resolves
 * each ask at its deadline, and the promises' callbacks run on a third pool, so neither a caller's thread nor the
 * timer ever runs foreign code. All threads end when idle: at rest there are none.
 */
final class AskThreads {

	/** Threads of a pool end after this long without work. */
	private static final long IDLE_SECONDS = 2;

	private final ThreadPoolExecutor callers;
	private final ScheduledThreadPoolExecutor deadlines;
	private final ExecutorService callbacks;
	private final PromiseFactory promises;
	/** For the asks of peers: their answer is sent by the thread that resolves them, with no hand-over. */
	private final PromiseFactory resolvedInline;

	AskThreads(int threads) {
		this.callers = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), NamedThreads.daemons("partyline-ask"));
		callers.allowCoreThreadTimeOut(true);
		this.deadlines = new ScheduledThreadPoolExecutor(1, NamedThreads.daemons("partyline-deadline"));
		deadlines.setRemoveOnCancelPolicy(true);
		deadlines.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
		deadlines.allowCoreThreadTimeOut(true);
		this.callbacks = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS,
				new SynchronousQueue<>(), NamedThreads.daemons("partyline-promise"));
		this.promises = new PromiseFactory(callbacks, deadlines);
		this.resolvedInline = new PromiseFactory(PromiseFactory.inlineExecutor(), deadlines);
	}

	/** The pool that calls handlers. */
	ThreadPoolExecutor callers() {
		return callers;
	}

	/** Promises whose callbacks run on the callback pool. */
	PromiseFactory promises() {
		return promises;
	}

	/** Promises whose callbacks run on the thread that resolves them. */
	PromiseFactory resolvedInline() {
		return resolvedInline;
	}

	/** Resolves the ask at its deadline, on the timer thread. */
	Future<?> atDeadline(Runnable resolve, Duration deadline) {
		return deadlines.schedule(resolve, deadline.toNanos(), TimeUnit.NANOSECONDS);
	}

	/** A new size of the handler pool, from the configuration. */
	void resize(int threads) {
		if (threads > callers.getMaximumPoolSize()) {
			callers.setMaximumPoolSize(threads);
			callers.setCorePoolSize(threads);
		} else {
			callers.setCorePoolSize(threads);
			callers.setMaximumPoolSize(threads);
		}
	}

	/** Stops calling handlers and arming deadlines, at once. */
	void stopCallsAndDeadlines() {
		callers.shutdownNow();
		deadlines.shutdownNow();
	}

	/** Stops the callback pool once the callbacks handed to it have run. */
	void stopCallbacksWhenDone() {
		callbacks.shutdown();
	}
}
