package org.partyline.internal.handlers;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * How one handler's calls by asynchronous asks reach the pool: at most a limit of them run at once, the others wait
 * here, in order, for one of them to end. So one handler never holds more threads than the limit, however many asks
 * call it, and a busy handler that answers fast is still called on every ask. A handler whose running calls have
 * all outlived their asks (it hangs) is stuck: asks then do not call it at all.
 * <p>
 * A call to a peer answers later ({@link #later}): it starts on the thread that lets it in, takes no thread of the
 * pool, and holds its place in the lane until it says it is done, when its answer came or could not.
 */
public final class HandlerLane {

	private final AtomicInteger running = new AtomicInteger();
	private final AtomicInteger overdue = new AtomicInteger();
	private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

	/** Whether every call the limit allows is running past its ask's resolution: a new one would only wait. */
	public boolean stuck(int limit) {
		return overdue.get() >= limit;
	}

	/** A call that answers later, as the lane queues it; it calls {@code done} once, when it has its answer. */
	public static Runnable later(Consumer<Runnable> call) {
		return new Later(call);
	}

	private record Later(Consumer<Runnable> call) implements Runnable {
		@Override
		public void run() {
			throw new IllegalStateException("a call that answers later is started by its lane");
		}
	}

	public void submit(Runnable call, Executor pool, int limit) {
		waiting.add(call);
		drain(pool, limit);
	}

	/** Takes back a call that has not started, its ask being resolved. */
	public void withdraw(Runnable call) {
		waiting.remove(call);
	}

	/** A running call outlived its ask. */
	public void overdueStarted() {
		overdue.incrementAndGet();
	}

	/** An overdue call returned at last. */
	public void overdueEnded() {
		overdue.decrementAndGet();
	}

	/**
	 * Starts waiting calls while fewer than the limit run. A call that ends runs this again, after it counted itself
	 * out, and a call added runs it after it was queued: so no call waits while the lane has room.
	 */
	private void drain(Executor pool, int limit) {
		while (!waiting.isEmpty()) {
			int now = running.get();
			if (now >= limit) {
				return;
			}
			if (!running.compareAndSet(now, now + 1)) {
				continue;
			}
			Runnable call = waiting.poll();
			if (call == null) {
				running.decrementAndGet(); // another thread took it: look again
				continue;
			}
			if (call instanceof Later later) {
				startLater(later, pool, limit);
				continue;
			}
			try {
				pool.execute(() -> {
					try {
						call.run();
					} finally {
						running.decrementAndGet();
						drain(pool, limit);
					}
				});
			} catch (RejectedExecutionException stopping) {
				running.decrementAndGet();
				return; // the partyline stops: its asks resolve without this call
			}
		}
	}

	/** Starts a call that answers later on this thread; its place in the lane is freed when it says it is done. */
	private void startLater(Later later, Executor pool, int limit) {
		AtomicBoolean ended = new AtomicBoolean();
		Runnable done = () -> {
			if (ended.compareAndSet(false, true)) {
				running.decrementAndGet();
				drain(pool, limit);
			}
		};
		try {
			later.call().accept(done);
		} catch (RuntimeException | Error failed) {
			done.run();
			throw failed;
		}
	}
}
