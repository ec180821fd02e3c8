package org.partyline.internal.ask;

import org.partyline.api.RecursionTooDeep;

/**
 * Counts how deep asks nest on each thread, so a handler asking around in a loop gets a clear
 * {@link RecursionTooDeep} instead of overflowing its caller's stack. One counter per thread, no allocation per ask.
 */
final class Nesting {

	/** Deep enough for any sane chain of apps asking each other, far below a default thread stack. */
	static final int LIMIT = 64;

	/** One thread's depth: entered by {@link Nesting#enter}, left by {@link #leave} in the asker's finally block. */
	static final class Level {
		private int depth;

		void leave() {
			depth--;
		}
	}

	private final ThreadLocal<Level> levels = ThreadLocal.withInitial(Level::new);

	/** The depth of the current thread's asks. */
	int depth() {
		return levels.get().depth;
	}

	/**
	 * Runs a task of an asynchronous ask at the depth of the ask that started it, so a loop of asynchronous asks
	 * meets the same limit as one on a single thread; the thread's own depth is restored afterwards.
	 */
	void runAt(int askDepth, Runnable task) {
		Level current = levels.get();
		int own = current.depth;
		current.depth = askDepth;
		try {
			task.run();
		} finally {
			current.depth = own;
		}
	}

	/** Enters one level on this thread; the caller leaves it with {@link Level#leave} in a finally block. */
	Level enter(String serviceName) {
		Level current = levels.get();
		check(current.depth, serviceName);
		current.depth++;
		return current;
	}

	/** An ask at that depth nests too deep: the one check, for asks on this thread and those carried elsewhere. */
	static void check(int depth, String serviceName) {
		if (depth >= LIMIT) {
			throw new RecursionTooDeep(serviceName, LIMIT);
		}
	}
}
