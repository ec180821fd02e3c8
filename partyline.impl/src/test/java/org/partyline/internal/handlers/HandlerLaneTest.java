package org.partyline.internal.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One handler's lane: at most the limit of its calls run at once, the rest wait in order. */
class HandlerLaneTest {

	private static final int LIMIT = 2;

	private final ExecutorService pool = Executors.newCachedThreadPool();
	private final HandlerLane lane = new HandlerLane();
	private final List<Integer> started = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopThePool() {
		pool.shutdownNow();
	}

	@Test
	void noMoreThanTheLimitRunAtOnceAndTheOthersStartInOrderAsCallsEnd() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch twoRunning = new CountDownLatch(LIMIT);
		CountDownLatch allDone = new CountDownLatch(5);
		for (int call = 0; call < 5; call++) {
			int id = call;
			lane.submit(() -> {
				started.add(id);
				twoRunning.countDown();
				try {
					release.await();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				allDone.countDown();
			}, pool, LIMIT);
		}
		assertTrue(twoRunning.await(5, TimeUnit.SECONDS));
		assertEquals(List.of(0, 1), started.stream().sorted().toList(), "the first two, and no more");

		release.countDown();
		assertTrue(allDone.await(5, TimeUnit.SECONDS), "the waiting calls ran as the first ones ended");
		assertEquals(5, started.size());
		assertEquals(List.of(2, 3, 4), started.subList(2, 5).stream().sorted().toList());
	}

	@Test
	void aCallWithdrawnBeforeItStartedNeverRuns() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch running = new CountDownLatch(LIMIT);
		for (int call = 0; call < LIMIT; call++) {
			lane.submit(() -> {
				running.countDown();
				try {
					release.await();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}, pool, LIMIT);
		}
		assertTrue(running.await(5, TimeUnit.SECONDS));
		CountDownLatch last = new CountDownLatch(1);
		Runnable withdrawn = () -> started.add(-1);
		lane.submit(withdrawn, pool, LIMIT);
		lane.withdraw(withdrawn);
		lane.submit(last::countDown, pool, LIMIT);

		release.countDown();
		assertTrue(last.await(5, TimeUnit.SECONDS));
		assertFalse(started.contains(-1), "the withdrawn call ran");
	}

	@Test
	void aLaneIsStuckOnlyWhileAsManyCallsAsTheLimitOutlivedTheirAsks() {
		assertFalse(lane.stuck(LIMIT));
		lane.overdueStarted();
		assertFalse(lane.stuck(LIMIT));
		lane.overdueStarted();
		assertTrue(lane.stuck(LIMIT));
		lane.overdueEnded();
		assertFalse(lane.stuck(LIMIT));
	}

	@Test
	void callsThatAnswerLaterHoldTheirPlaceUntilDoneAndTakeNoThreadOfThePool() {
		List<Runnable> dones = new CopyOnWriteArrayList<>();
		List<String> threads = new CopyOnWriteArrayList<>();
		for (int call = 0; call < 4; call++) {
			int id = call;
			lane.submit(HandlerLane.later(done -> {
				started.add(id);
				threads.add(Thread.currentThread().getName());
				dones.add(done);
			}), pool, LIMIT);
		}
		assertEquals(List.of(0, 1), started, "started at once, up to the limit");
		assertTrue(threads.stream().allMatch(Thread.currentThread().getName()::equals), "on the submitting thread");

		dones.get(0).run();
		dones.get(0).run(); // done twice counts once
		assertEquals(List.of(0, 1, 2), started, "one place freed, one more started");
		dones.get(1).run();
		assertEquals(List.of(0, 1, 2, 3), started);
	}
}
