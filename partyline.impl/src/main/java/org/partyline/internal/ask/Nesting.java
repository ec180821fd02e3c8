package org.partyline.internal.ask;

import org.partyline.api.RecursionTooDeep;

/**
 * Counts how deep asks nest on each thread, so a handler asking around in a loop gets a clear
 * {@link RecursionTooDeep} instead of overflowing its caller's stack. One array per thread, no allocation per ask.
 */
final class Nesting {

	/** Deep enough for any sane chain of apps asking each other, far below a default thread stack. */
	static final int LIMIT = 64;

	private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

	/** The depth of the current thread's asks. */
	int depth() {
		return depth.get()[0];
	}

	/**
	 * Runs a task of an asynchronous ask at the depth of the ask that started it, so a loop of asynchronous asks
	 * meets the same limit as one on a single thread; the thread's own depth is restored afterwards.
	 */
	void runAt(int askDepth, Runnable task) {
		int[] current = depth.get();
		int own = current[0];
		current[0] = askDepth;
		try {
			task.run();
		} finally {
			current[0] = own;
		}
	}

	/** Enters one level; the caller leaves it with {@code depth[0]--} in a finally block. */
	int[] enter(String serviceName) {
		int[] current = depth.get();
		check(current[0], serviceName);
		current[0]++;
		return current;
	}

	/** An ask at that depth nests too deep: the one check, for asks on this thread and those carried elsewhere. */
	static void check(int depth, String serviceName) {
		if (depth >= LIMIT) {
			throw new RecursionTooDeep(serviceName, LIMIT);
		}
	}
}
