package org.partyline.internal.invite;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a scan once the changes that call for it have settled: a quiet spell after the last change of a burst, or a
 * longest wait after its first, whichever comes sooner, on the scanner's one thread. So a bundle registering a
 * hundred servlets, which a runtime announces as a hundred changes, costs one scan, and a runtime that never stops
 * announcing changes costs at most one scan per longest wait. A change during a scan queues the next one.
 */
final class SettledScans {

	private final ScheduledExecutorService scanner;
	private final Runnable scan;
	private final long quietNanos;
	private final long longestWaitNanos;
	private final AtomicBoolean queued = new AtomicBoolean();
	private volatile long lastChange;

	SettledScans(ScheduledExecutorService scanner, Runnable scan, Duration quiet, Duration longestWait) {
		this.scanner = scanner;
		this.scan = scan;
		this.quietNanos = quiet.toNanos();
		this.longestWaitNanos = longestWait.toNanos();
	}

	/** Something changed: a scan follows once it settles (or at once, if the scanner has stopped, not at all). */
	void changed() {
		long now = System.nanoTime();
		lastChange = now;
		if (queued.compareAndSet(false, true)) {
			schedule(() -> scanWhenSettled(now), quietNanos);
		}
	}

	private void scanWhenSettled(long firstChange) {
		long now = System.nanoTime();
		long quietFor = now - lastChange;
		if (quietFor < quietNanos && now - firstChange < longestWaitNanos) {
			schedule(() -> scanWhenSettled(firstChange), quietNanos - quietFor);
			return;
		}
		queued.set(false);
		scan.run();
	}

	private void schedule(Runnable task, long delayNanos) {
		try {
			scanner.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
		} catch (RejectedExecutionException stopping) {
			queued.set(false);
		}
	}
}
