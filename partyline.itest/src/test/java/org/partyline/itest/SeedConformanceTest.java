package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.partyline.api.Handler;
import org.partyline.api.HighAndDry;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;

/**
 * The behaviour of wsgi_party's test suite and documentation (docs/CONFORMANCE.md), row by row, in OSGi terms. The test
 * bundle's own Partyline is a neutral caller: it owns no handlers.
 */
class SeedConformanceTest extends ParticipantTest {

	@Test
	void theDocumentationExampleAnswersFromEachBundle() {
		assertTheSeedsDocumentationExampleAnswers();
	}

	@Test
	void connectRegistersAHandlerServiceOwnedByTheConnectingBundle() {
		var alice = participants.install("alice");
		Participants.partylineOf(alice).connect("ping", payload -> "pong");

		var handlers = participants.handlers("ping");
		assertEquals(1, handlers.size());
		assertEquals(alice, handlers.iterator().next().getBundle());
	}

	@Test
	void askAroundThroughABundleExcludesExactlyThatBundle() {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		alice.connect("ping", payload -> "pong from alice");
		bob.connect("ping", payload -> "pong from bob");

		assertEquals(List.of("pong from bob"), alice.askAround("ping", null));
		assertEquals(List.of("pong from alice"), bob.askAround("ping", null));
	}

	@Test
	void theFirstHandlerOfANameMakesTheNameKnown() {
		Partyline alice = participants.join("alice");
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("fresh", null));

		alice.connect("fresh", payload -> "here");

		assertEquals(List.of("here"), neutral.askAround("fresh", null));
	}

	@Test
	void aSecondHandlerOfANameJoinsItAndBothAreCalled() {
		assertEquals(List.of("alice", "bob"), pingAnsweredBy(payload -> "alice", payload -> "bob"));
	}

	@Test
	void everyHandlerGetsThePayloadAndAnswersComeInPrecedenceOrder() {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		Partyline carol = participants.join("carol");
		alice.connect("greet", payload -> "alice greets " + payload);
		bob.connect("greet", payload -> "bob greets " + payload);

		assertEquals(List.of("alice greets carol", "bob greets carol"), carol.askAround("greet", "carol"));
	}

	@Test
	void aDecliningHandlerIsSkippedAndTheOthersStillAnswer() {
		assertEquals(List.of("pong"), pingAnsweredBy(payload -> {
			throw new HighAndDry();
		}, payload -> "pong"));
	}

	@Test
	void theSharedDeclineIsSkippedLikeAnyOtherAndCannotBeAltered() {
		assertEquals(List.of("pong"), pingAnsweredBy(payload -> {
			throw HighAndDry.decline();
		}, payload -> "pong"));
		assertThrows(IllegalStateException.class, () -> HighAndDry.decline().initCause(new RuntimeException()));
		HighAndDry.decline().addSuppressed(new RuntimeException());
		assertEquals(0, HighAndDry.decline().getSuppressed().length);
		assertEquals(0, HighAndDry.decline().getStackTrace().length);
	}

	@Test
	void aBundleAskingANameOnlyItAnswersGetsAnEmptyListNotAnException() {
		Partyline alice = participants.join("alice");
		alice.connect("ping", payload -> "pong");

		assertEquals(List.of(), alice.askAround("ping", null));
	}

	@Test
	void whenEveryHandlerDeclinesTheAnswerIsAnEmptyList() {
		participants.install("even");
		participants.awaitHandlers("number", 1);

		assertEquals(List.of(), neutral.askAround("number", 3));
	}

	@Test
	void aNeutralCallerGetsEveryAnswer() {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		alice.connect("ping", payload -> "alice");
		bob.connect("ping", payload -> "bob");
		bob.connect("ping", payload -> {
			throw new HighAndDry();
		});

		assertEquals(List.of("alice", "bob"), neutral.askAround("ping", null));
	}

	@Test
	void askingANameNobodyAnswersRaisesNoSuchServiceNameWithTheNameOnce() {
		NoSuchServiceName missing = assertThrows(NoSuchServiceName.class, () -> neutral.askAround("nobody", 1));

		assertEquals("nobody", missing.getServiceName());
		assertEquals("No handler is connected for service name \"nobody\"", missing.getMessage());
	}

	@Test
	void nullAnswersAreKept() {
		Partyline alice = participants.join("alice");
		alice.connect("maybe", payload -> null);

		assertEquals(Arrays.asList((Object) null), neutral.askAround("maybe", null));
	}

	@Test
	void eachAskReturnsANewListTheCallerMayModify() {
		Partyline alice = participants.join("alice");
		alice.connect("ping", payload -> "pong");

		List<Object> first = neutral.askAround("ping", null);
		List<Object> second = neutral.askAround("ping", null);
		first.add("mine");

		assertNotSame(first, second);
		assertEquals(List.of("pong"), second);
		assertEquals(List.of("pong"), neutral.askAround("ping", null));
	}

	@Test
	void theSameHandlerConnectedTwiceIsCalledTwice() {
		Partyline alice = participants.join("alice");
		List<Object> calls = new ArrayList<>();
		Handler handler = payload -> {
			calls.add(payload);
			return "pong";
		};
		alice.connect("ping", handler);
		alice.connect("ping", handler);

		assertEquals(List.of("pong", "pong"), neutral.askAround("ping", "x"));
		assertEquals(List.of("x", "x"), calls);
	}

	@Test
	void aNestedAskFromInsideAHandlerWorks() {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		bob.connect("inner", payload -> "inner:" + payload);
		alice.connect("outer", payload -> "outer(" + alice.askAround("inner", payload) + ")");

		assertEquals(List.of("outer([inner:x])"), neutral.askAround("outer", "x"));
	}

	@Test
	void anAskWorksOnTheHandlersConnectedWhenItStarted() throws Exception {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		CountDownLatch connectedMeanwhile = new CountDownLatch(1);
		alice.connect("snapshot", payload -> {
			bob.connect("snapshot", late -> "bob");
			connectedMeanwhile.countDown();
			return "alice";
		});

		assertEquals(List.of("alice"), neutral.askAround("snapshot", null));
		assertTrue(connectedMeanwhile.await(0, TimeUnit.SECONDS));
		assertEquals(2, neutral.askAround("snapshot", null).size(), "the late handler answers from the next ask on");
	}

	/** Alice and bob each connect a handler of "ping"; what a neutral caller gets when it asks. */
	private List<Object> pingAnsweredBy(Handler alices, Handler bobs) {
		participants.join("alice").connect("ping", alices);
		participants.join("bob").connect("ping", bobs);
		return neutral.askAround("ping", null);
	}
}
