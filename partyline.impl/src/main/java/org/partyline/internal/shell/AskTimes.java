package org.partyline.internal.shell;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.partyline.api.Reply;

/**
 * {@code partyline:ask --times N --threads T}: the same ask N times, spread over T threads started together, and
 * how long each took: median and 99th percentile, and asks per second over the whole run.
 */
final class AskTimes {

	private AskTimes() {
	}

	static String measure(int times, int threads, Callable<List<Reply>> ask) {
		if (times < 1 || threads < 1 || threads > times) {
			return "--times and --threads must be positive, with no more threads than times";
		}
		long[] nanos = new long[times];
		AtomicInteger next = new AtomicInteger();
		AtomicReference<Exception> failure = new AtomicReference<>();
		CountDownLatch start = new CountDownLatch(1);
		Thread[] workers = new Thread[threads];
		for (int t = 0; t < threads; t++) {
			workers[t] = new Thread(() -> {
				try {
					start.await();
					int i;
					while ((i = next.getAndIncrement()) < times && failure.get() == null) {
						long began = System.nanoTime();
						ask.call();
						nanos[i] = System.nanoTime() - began;
					}
				} catch (Exception e) {
					failure.compareAndSet(null, e);
				}
			}, "partyline-ask-times-" + t);
			workers[t].start();
		}
		long began = System.nanoTime();
		start.countDown();
		try {
			for (Thread worker : workers) {
				worker.join();
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "Interrupted while asking.";
		}
		long wall = System.nanoTime() - began;
		if (failure.get() != null) {
			return "An ask failed: " + failure.get();
		}
		Arrays.sort(nanos);
		long median = nanos[times / 2] / 1000;
		long p99 = nanos[Math.min(times - 1, (int) Math.ceil(times * 0.99) - 1)] / 1000;
		long perSecond = Math.round(times / (wall / 1e9));
		return "asked " + times + " times on " + threads + " threads: median " + median + " us, p99 " + p99 + " us, "
				+ perSecond + " asks/s";
	}
}
