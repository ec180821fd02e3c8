package org.partyline.transport.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads of the transport: daemons (a JVM exits without waiting for them), named for thread dumps. */
final class Daemons {

	private Daemons() {
	}

	static ThreadFactory named(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return task -> {
			Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
