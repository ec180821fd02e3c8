package org.partyline.internal.invite;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Runs a scan once the changes that call for it have settled: a quiet spell after the last change of a burst, or a
 * longest wait after its first, whichever comes sooner, on the scanner's one thread. So a bundle registering a
 * hundred servlets, which a runtime announces as a hundred changes, costs one scan, and a runtime that never stops
 * announcing changes costs at most one scan per longest wait. A change during a scan queues the next one.
 * <p>
 * Scans are also spaced by what the last one's reading cost, because every scan reads every deployed servlet. With
 * a fixed longest wait, servlets registered one after another for a time that grows with their number would each be
 * read by a number of scans that grows with their number too: work growing with their square. Spaced by a multiple
 * of their own cost, which grows with the servlets, the scans of such a burst are about as many whatever its size,
 * and the work grows linearly. Two multiples: while changes keep coming (their servlets can wait for the burst to
 * end), scanning takes at most about 1/{@value #BURST_SPACING} of a core; once they have settled (a lone servlet, or
 * servlets registered each after the previous one was invited, which needs a scan each) at most about
 * 1/{@value #SETTLED_SPACING}: so a lone servlet still waits only the quiet spell, its scan being cheap.
 */
final class SettledScans {

	/** In a burst the next scan starts no sooner than this many times the last scan's cost after it ended. */
	static final int BURST_SPACING = 100;
	/** Once changes have settled, no sooner than this many times. */
	static final int SETTLED_SPACING = 4;
	/** But never longer than this after the last scan, so that a scan slowed by a fault cannot stall the next ones. */
	private static final long LONGEST_SPACING_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final ScheduledExecutorService scanner;
	/**
	 * Scans and returns the CPU time its reading of the runtimes took (not the invitations it handed on: each servlet
	 * is invited once). CPU time, not elapsed: a scan preempted on a busy machine did not cost more.
	 */
	private final LongSupplier scan;
	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
	private final boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
	private final long quietNanos;
	private final long longestWaitNanos;
	private final AtomicBoolean queued = new AtomicBoolean();
	private volatile long lastChange;
	/** When the last scan ended and what its reading cost; touched only on the scanner thread. */
	private long lastScanEnded;
	private long lastScanCost;

	SettledScans(ScheduledExecutorService scanner, LongSupplier scan, Duration quiet, Duration longestWait) {
		this.scanner = scanner;
		this.scan = scan;
		this.quietNanos = quiet.toNanos();
		this.longestWaitNanos = longestWait.toNanos();
		this.lastScanEnded = System.nanoTime();
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
		long wait = due(firstChange) - now;
		if (wait > 0) {
			schedule(() -> scanWhenSettled(firstChange), wait);
			return;
		}
		queued.set(false);
		lastScanCost = Math.min(scan.getAsLong(), LONGEST_SPACING_NANOS / BURST_SPACING);
		lastScanEnded = System.nanoTime();
	}

	/**
	 * The current thread's CPU time in nanoseconds, for the scan to measure its reading with; where the JVM does not
	 * measure it, the elapsed time instead.
	 */
	long cpuTime() {
		long cpu = cpuTimed ? threads.getCurrentThreadCpuTime() : -1;
		return cpu < 0 ? System.nanoTime() : cpu;
	}

	/** When the scan of the changes since {@code firstChange} is due (in {@code System.nanoTime()} terms). */
	private long due(long firstChange) {
		long settled = lastChange + quietNanos;
		long burstDue = Math.max(firstChange + longestWaitNanos, lastScanEnded + BURST_SPACING * lastScanCost);
		long earliest = lastScanEnded + SETTLED_SPACING * lastScanCost;
		return Math.max(earliest, Math.min(settled, burstDue));
	}

	private void schedule(Runnable task, long delayNanos) {
		try {
			scanner.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
		} catch (RejectedExecutionException stopping) {
			queued.set(false);
		}
	}
}
