package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;
import org.osgi.util.promise.Promise;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.api.Reply;
import org.partyline.itest.support.Hanging;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;

/**
 * {@code askAroundAsync}: handlers run on the partyline's threads, never the caller's; the promise resolves by the
 * deadline with a reply per handler, those still running {@code late}; a handler that keeps hanging cannot take the
 * threads from the others; nested asks cannot deadlock; a stopping partyline resolves what is pending.
 */
class AsyncAskTest extends ParticipantTest {

	/** What the scheduler may add to a deadline on a loaded 2-core machine, at most, in these tests. */
	private static final long MARGIN_MILLIS = 250;
	/**
	 * For 200 asks at once at a pool of 4: long enough for 400 quick calls, each a hand-off between threads, on a
	 * 2-core machine loaded by other builds (at a load of 14 they took more than a second); the hanging handler is
	 * what must not take the threads, whatever the deadline.
	 */
	private static final long BURST_DEADLINE_MILLIS = 5000;
	/** The longest the impl bundle's stop may take on a loaded 2-core machine, its pending asks resolved within it. */
	private static final long STOP_MILLIS = 1500;
	/** Far beyond what 10 nested asks take through a pool of 2 whose inner asks wait 300 ms at most. */
	private static final long NESTED_OUTER_DEADLINE_SECONDS = 10;
	/** Long enough that a handler answering at once is never late on a loaded machine. */
	private static final long DEADLINE_MILLIS = 200;

	@Test
	void handlersRunOffTheCallersThreadAndTheRepliesNameWhoAnswered() throws Exception {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		Set<String> threads = ConcurrentHashMap.newKeySet();
		alice.connect("url", payload -> {
			threads.add(Thread.currentThread().getName());
			return "/alice/" + payload;
		}, 1);
		bob.connect("url", payload -> {
			threads.add(Thread.currentThread().getName());
			return "/bob/" + payload;
		});

		List<Reply> replies = neutral.askAroundAsync("url", "home", Duration.ofSeconds(5)).getValue();

		assertEquals(List.of("/alice/home", "/bob/home"), replies.stream().map(Reply::answer).toList());
		assertEquals(List.of("partyline.tb.alice", "partyline.tb.bob"),
				replies.stream().map(Reply::bundleSymbolicName).toList());
		assertFalse(threads.contains(Thread.currentThread().getName()), "a handler ran on the caller's thread");
		assertTrue(threads.stream().allMatch(name -> name.startsWith("partyline-ask-")), threads::toString);
	}

	@Test
	void aHandlerThatNeverReturnsIsLateAtTheDeadlineAndItsLaterAnswerIsDropped() throws Exception {
		// every ask calls the hanging handler anew (none is stuck yet), so each must end at its deadline
		configure("asyncThreads", 32);
		configure("asyncCallsPerHandler", 25);
		Hanging hanging = new Hanging("too late");
		try {
			participants.join("alice").connect("url", hanging, 1);
			participants.join("bob").connect("url", payload -> "on time");
			List<Long> overshoot = new ArrayList<>();
			List<Reply> last = null;
			for (int ask = 0; ask < 20; ask++) {
				long asked = System.nanoTime();
				Promise<List<Reply>> promise = neutral.askAroundAsync("url", null, Duration.ofMillis(DEADLINE_MILLIS));
				assertFalse(promise.isDone(), "the caller's thread waited for the handlers");
				last = promise.getValue();
				overshoot.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked) - DEADLINE_MILLIS);
				List<Reply> replies = last;
				int number = ask;
				assertEquals(List.of(Reply.LATE, Reply.ANSWERED), last.stream().map(Reply::outcome).toList(),
						() -> "ask " + number + ": " + replies);
			}
			assertEquals(20, hanging.entered());
			hanging.release();
			await().atMost(Participants.PATIENCE).until(() -> hanging.returned() == hanging.entered());

			assertEquals(List.of(Reply.LATE, Reply.ANSWERED), last.stream().map(Reply::outcome).toList(),
					"answers after the resolution are dropped");
			overshoot.sort(null);
			System.out.printf("async-deadline: deadline %d ms, resolved after it by median %d ms, worst %d ms (20 asks,"
					+ " one handler hanging)%n", DEADLINE_MILLIS, overshoot.get(10), overshoot.get(19));
			assertTrue(overshoot.get(19) <= MARGIN_MILLIS, "resolved too long after the deadline: " + overshoot);
			assertTrue(overshoot.get(0) >= -1, "resolved before the deadline: " + overshoot);
		} finally {
			hanging.release();
		}
	}

	@Test
	void aHandlerThatKeepsHangingCannotTakeTheThreadsFromTheOthers() throws Exception {
		configure("asyncThreads", 4);
		Hanging hanging = new Hanging("never");
		try {
			participants.join("alice").connect("url", hanging, 1);
			participants.join("bob").connect("url", payload -> "bob");
			participants.join("carol").connect("url", payload -> "carol", -1);
			List<Promise<List<Reply>>> asks = new ArrayList<>();
			long started = System.nanoTime();
			for (int ask = 0; ask < 200; ask++) {
				asks.add(neutral.askAroundAsync("url", null, Duration.ofMillis(BURST_DEADLINE_MILLIS)));
			}
			for (Promise<List<Reply>> ask : asks) {
				List<Reply> replies = ask.getValue();
				assertEquals(List.of(Reply.LATE, Reply.ANSWERED, Reply.ANSWERED),
						replies.stream().map(Reply::outcome).toList());
			}
			long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

			assertEquals(2, hanging.entered(), "the hanging handler was called no more than asyncCallsPerHandler (2)");
			List<Reply> later = neutral.askAroundAsync("url", null, Duration.ofSeconds(5)).getValue();
			assertEquals(List.of(Reply.LATE, Reply.ANSWERED, Reply.ANSWERED),
					later.stream().map(Reply::outcome).toList(), "stuck: late at once, not at the deadline");
			assertTrue(later.get(0).duration().toMillis() < 1000, later::toString);
			assertTrue(tookMillis <= BURST_DEADLINE_MILLIS + 2 * MARGIN_MILLIS, "200 asks took " + tookMillis + " ms");
		} finally {
			hanging.release();
		}
	}

	@Test
	void nestedAsksFromHandlersDoNotDeadlockAFullPool() throws Exception {
		configure("asyncThreads", 2);
		Partyline alice = participants.join("alice");
		participants.join("carol").connect("inner", payload -> "inner");
		AtomicInteger nested = new AtomicInteger();
		alice.connect("outer", payload -> {
			nested.incrementAndGet();
			// waits on the promise on a pool thread, while the pool is full of such waits
			return asyncThenSync(alice);
		});
		participants.join("bob").connect("outer", payload -> "bob");
		List<Promise<List<Reply>>> asks = new ArrayList<>();
		for (int ask = 0; ask < 10; ask++) {
			asks.add(neutral.askAroundAsync("outer", null, Duration.ofSeconds(NESTED_OUTER_DEADLINE_SECONDS)));
		}

		// a pool stuck in its own waits would leave alice late at the outer deadline: each of her calls must end by
		// its inner ask's deadline (300 ms) at the latest, her own sync ask then answered on her thread
		for (Promise<List<Reply>> ask : asks) {
			List<Reply> replies = ask.getValue();
			assertEquals("bob", replies.get(1).answer());
			assertEquals(Reply.ANSWERED, replies.get(0).outcome(), replies::toString);
			assertTrue(String.valueOf(replies.get(0).answer()).endsWith("+[inner]"), replies::toString);
		}
		assertEquals(10, nested.get(), "every outer ask called alice");
	}

	@Test
	void aLoopOfAsynchronousAsksEnds() throws Exception {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		alice.connect("loop", payload -> waitFor(bob.askAroundAsync("loop", payload, Duration.ofSeconds(2))));
		bob.connect("loop", payload -> waitFor(alice.askAroundAsync("loop", payload, Duration.ofSeconds(2))));

		long started = System.nanoTime();
		List<Reply> replies = neutral.askAroundAsync("loop", null, Duration.ofSeconds(5)).getValue();
		long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		// It ends by itself, before the outer deadline (5 s): each handler's third call waits in its lane behind the two
		// it allows, so the second's inner ask is late at its own deadline (2 s) and the calls return, the first ones
		// answered. A loop that did not end would leave both late at the outer deadline.
		assertEquals(List.of(Reply.ANSWERED, Reply.ANSWERED), replies.stream().map(Reply::outcome).toList(),
				replies::toString);
		assertTrue(tookMillis < 4000, "the loop took " + tookMillis + " ms");
	}

	@Test
	void aNameNobodyHasFailsThePromiseWithNoSuchServiceName() throws Exception {
		Promise<List<Reply>> promise = neutral.askAroundAsync("nobody", null, Duration.ofSeconds(1));

		assertInstanceOf(NoSuchServiceName.class, promise.getFailure());
		assertThrows(IllegalArgumentException.class, () -> neutral.askAroundAsync("x", null, Duration.ZERO));
		assertThrows(NullPointerException.class, () -> neutral.askAroundAsync("x", null, null));
	}

	@Test
	void stoppingThePartylineResolvesPendingAsksAtOnce() throws Exception {
		Hanging hanging = new Hanging("never");
		try {
			participants.join("alice").connect("url", hanging);
			participants.join("bob").connect("url", payload -> "bob");
			Promise<List<Reply>> pending = neutral.askAroundAsync("url", null, Duration.ofSeconds(60));
			await().atMost(Participants.PATIENCE).until(() -> hanging.entered() == 1);
			CountDownLatch resolved = new CountDownLatch(1);
			pending.onResolve(resolved::countDown);

			long stopping = System.nanoTime();
			implBundle().stop();

			assertTrue(resolved.await(10, TimeUnit.SECONDS), "the pending ask resolved when the partyline stopped");
			long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
			List<Reply> replies = pending.getValue();
			assertTrue(Set.of(Reply.LATE, Reply.FAILED).contains(replies.get(0).outcome()), replies::toString);
			assertEquals("bob", replies.get(1).answer());
			// at once: with the stop of the bundle, not at the ask's deadline (60 s) nor any timeout of a few seconds
			assertTrue(tookMillis < STOP_MILLIS, "resolved " + tookMillis + " ms after the stop began");
		} finally {
			hanging.release();
			startAgain();
		}
	}

	private void startAgain() throws BundleException {
		implBundle().start();
	}

	private static Object asyncThenSync(Partyline partyline) {
		Object inner = waitFor(partyline.askAroundAsync("inner", null, Duration.ofMillis(300)));
		return inner + "+" + partyline.askAround("inner", null);
	}

	private static Object waitFor(Promise<List<Reply>> promise) {
		try {
			return Arrays.toString(promise.getValue().stream().map(Reply::outcome).toArray());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		} catch (java.lang.reflect.InvocationTargetException e) {
			throw new IllegalStateException(e.getCause());
		}
	}
}
