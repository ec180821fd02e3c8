package org.partyline.itest.support;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Threads that ask the partyline over and over until stopped, each through an {@link Ask} of its own, counting asks
 * and answers. An ask that throws (a wrong answer, an exception the ask does not expect) is recorded and ends its
 * thread; {@link #stop} then fails the test with it.
 */
public final class Askers implements AutoCloseable {

	/** One ask on one thread: what it asks, through which Partyline, and which exceptions it expects. */
	@FunctionalInterface
	public interface Ask {
		/** @return how many answers it got; throws (an AssertionError, say) when an answer is wrong */
		int ask() throws Exception;
	}

	private final int threads;
	private final ExecutorService pool;
	private final AtomicBoolean asking = new AtomicBoolean(true);
	private final AtomicLong asks = new AtomicLong();
	private final AtomicLong answers = new AtomicLong();
	private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
	private final long started = System.nanoTime();

	private Askers(int threads, Supplier<Ask> askOfEachThread) {
		this.threads = threads;
		this.pool = Executors.newFixedThreadPool(threads);
		for (int t = 0; t < threads; t++) {
			Ask ask = askOfEachThread.get();
			pool.execute(() -> askUntilStopped(ask));
		}
	}

	/** Starts that many threads, each asking with the Ask the supplier gives it. */
	public static Askers start(int threads, Supplier<Ask> askOfEachThread) {
		return new Askers(threads, askOfEachThread);
	}

	private void askUntilStopped(Ask ask) {
		while (asking.get()) {
			try {
				answers.addAndGet(ask.ask());
				asks.incrementAndGet();
			} catch (Throwable failure) {
				failures.add(failure);
				return;
			}
		}
	}

	public long answers() {
		return answers.get();
	}

	/** Whether an ask has failed: a test may stop early then, the failure is reported by {@link #stop}. */
	public boolean failed() {
		return !failures.isEmpty();
	}

	/**
	 * Stops asking, waits for every thread, prints what was asked, and fails the test if a thread hung or an ask
	 * failed.
	 */
	public void stop(String label) throws InterruptedException {
		asking.set(false);
		pool.shutdown();
		if (!pool.awaitTermination(Participants.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("an asking thread hung");
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("%s: %d asks (%.0f per second), %d answers in %.1f s with %d asking threads%n", label,
				asks.get(), asks.get() / seconds, answers.get(), seconds, threads);
		Throwable first = failures.peek();
		if (first != null) {
			AssertionError failed = new AssertionError(failures.size() + " asking threads failed, first: " + first,
					first);
			failures.stream().skip(1).forEach(failed::addSuppressed);
			throw failed;
		}
	}

	/** Stops asking without waiting, where the test failed before {@link #stop}. */
	@Override
	public void close() {
		asking.set(false);
		pool.shutdownNow();
	}
}
