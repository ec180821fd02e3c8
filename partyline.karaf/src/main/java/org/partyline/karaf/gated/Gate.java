package org.partyline.karaf.gated;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * What the gated servlet's invitation waits at until the test opens it through the gate servlet, and how many
 * invitations arrived and wait there now. Shared by the two servlets of this bundle as a component of its own.
 */
@Component(service = Gate.class)
public class Gate {

	/** Well within the invite timeout (5 s): a test that never opens the gate fails, it does not hang. */
	private static final Duration AT_MOST = Duration.ofSeconds(4);

	private final CountDownLatch opened = new CountDownLatch(1);
	private final AtomicInteger arrived = new AtomicInteger();
	private final AtomicInteger waiting = new AtomicInteger();

	@Activate
	public Gate() {
		// closed until opened
	}

	/** Waits until the gate is opened, at most {@link #AT_MOST}; true if it was. */
	boolean pass() throws InterruptedException {
		waiting.incrementAndGet(); // before it counts as arrived: whoever sees it arrived sees it waiting
		arrived.incrementAndGet();
		try {
			return opened.await(AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
		} finally {
			waiting.decrementAndGet();
		}
	}

	int arrived() {
		return arrived.get();
	}

	/** Opens the gate for good; returns how many were waiting at it just before. */
	int open() {
		int before = waiting.get();
		opened.countDown();
		return before;
	}
}
