package org.partyline.itest.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.partyline.api.Handler;

/**
 * A handler that does not return until the test releases it (or 30 s pass, so nothing outlives a failed test), and
 * counts the calls that entered it and those that returned.
 */
public final class Hanging implements Handler {

	private final CountDownLatch released = new CountDownLatch(1);
	private final AtomicInteger entered = new AtomicInteger();
	private final AtomicInteger returned = new AtomicInteger();
	private final Object answer;

	public Hanging(Object answer) {
		this.answer = answer;
	}

	@Override
	public Object handle(Object payload) {
		entered.incrementAndGet();
		try {
			if (!released.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never released");
			}
			return answer;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while hanging", e);
		} finally {
			returned.incrementAndGet();
		}
	}

	public void release() {
		released.countDown();
	}

	public int entered() {
		return entered.get();
	}

	public int returned() {
		return returned.get();
	}
}
