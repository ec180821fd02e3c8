package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.partyline.api.Connection;
import org.partyline.api.HandlerFailed;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.api.RecursionTooDeep;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;

/**
 * Handlers are foreign code: each faulty one is handled as documented under both failure policies, and the others
 * keep answering.
 */
class FaultyHandlerTest extends ParticipantTest {

	Partyline alice;
	Partyline bob;

	@BeforeEach
	void setUp() throws Exception {
		alice = participants.join("alice");
		bob = participants.join("bob");
		bob.connect("probe", payload -> "bob answers");
	}

	/** Sets the failure policy and connects a failing probe handler beside bob's, which answers. */
	private void policy(boolean isolate) throws Exception {
		configure("isolateFailures", isolate);
		alice.connect("probe", payload -> {
			throw new IllegalStateException("policy probe");
		});
	}

	@ParameterizedTest(name = "isolateFailures={0}")
	@ValueSource(booleans = { false, true })
	void aThrowingHandlerFailsOrIsSkippedAndTheOthersKeepAnswering(boolean isolate) throws Exception {
		policy(isolate);

		if (isolate) {
			assertEquals(List.of("bob answers"), neutral.askAround("probe", null));
		} else {
			HandlerFailed failed = assertThrows(HandlerFailed.class, () -> neutral.askAround("probe", null));
			assertEquals("partyline.tb.alice", failed.getBundleSymbolicName());
		}
	}

	@ParameterizedTest(name = "isolateFailures={0}")
	@ValueSource(booleans = { false, true })
	void aStackOverflowingHandlerFailsOrIsSkipped(boolean isolate) throws Exception {
		policy(isolate);
		alice.connect("deep", payload -> recurse(0));
		bob.connect("deep", payload -> "shallow");

		if (isolate) {
			assertEquals(List.of("shallow"), neutral.askAround("deep", null));
		} else {
			HandlerFailed failed = assertThrows(HandlerFailed.class, () -> neutral.askAround("deep", null));
			assertInstanceOf(StackOverflowError.class, failed.getCause());
		}
		assertEquals(List.of("shallow"), alice.askAround("deep", null), "the partyline still works afterwards");
	}

	@ParameterizedTest(name = "isolateFailures={0}")
	@ValueSource(booleans = { false, true })
	void aHandlerAskingItsOwnNameInALoopGetsRecursionTooDeepUnderEitherPolicy(boolean isolate) throws Exception {
		policy(isolate);
		alice.connect("loop", payload -> bob.askAround("loop", payload));
		bob.connect("loop", payload -> alice.askAround("loop", payload));

		RecursionTooDeep tooDeep = assertThrows(RecursionTooDeep.class, () -> neutral.askAround("loop", "x"));

		assertEquals("loop", tooDeep.getServiceName());
		assertThrows(RecursionTooDeep.class, () -> neutral.askFirst("loop", "x"));
		assertEquals(List.of("bob answers"), alice.askAround("probe", null), "the nesting count is back to zero");
	}

	@ParameterizedTest(name = "isolateFailures={0}")
	@ValueSource(booleans = { false, true })
	void aHugeAnswerIsPassedOnAsItIs(boolean isolate) throws Exception {
		policy(isolate);
		List<Integer> huge = Collections.nCopies(1_000_000, 7);
		alice.connect("huge", payload -> huge);

		List<?> answers = neutral.askAround("huge", null, List.class);

		assertEquals(1, answers.size());
		assertEquals(1_000_000, ((List<?>) answers.get(0)).size());
	}

	@ParameterizedTest(name = "isolateFailures={0}")
	@ValueSource(booleans = { false, true })
	void aHandlerConnectingAndDisconnectingInsideItsOwnCallAffectsOnlyLaterAsks(boolean isolate) throws Exception {
		policy(isolate);
		alice.connect("self", payload -> {
			Connection temporary = alice.connect("self", later -> "temporary");
			Connection lasting = alice.connect("self", later -> "lasting");
			temporary.close();
			return lasting.isConnected() ? "first" : "lost";
		});

		assertEquals(List.of("first"), neutral.askAround("self", null));
		List<Object> next = neutral.askAround("self", null);
		assertEquals(List.of("first", "lasting"), next, "the first call left one lasting handler");
	}

	@ParameterizedTest(name = "isolateFailures={0}")
	@ValueSource(booleans = { false, true })
	void stoppingABundleWhileItsHandlerRunsNeitherHangsNorBreaksTheAsk(boolean isolate) throws Exception {
		policy(isolate);
		Bundle carol = participants.install("carol");
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Participants.partylineOf(carol).connect("slow", payload -> {
			running.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return "carol finished";
		});

		CompletableFuture<List<Object>> ask = CompletableFuture.supplyAsync(() -> neutral.askAround("slow", null));
		assertTrue(running.await(10, TimeUnit.SECONDS));
		carol.stop();
		release.countDown();

		assertEquals(List.of("carol finished"), ask.get(10, TimeUnit.SECONDS));
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("slow", null));
	}

	private static int recurse(int depth) {
		return recurse(depth + 1) + 1;
	}
}
