package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.partyline.api.Partyline;
import org.partyline.itest.support.ParticipantTest;

/** Answers come in OSGi service order: highest service.ranking first, then lowest service.id. */
class PrecedenceTest extends ParticipantTest {

	@Test
	void higherRankingAnswersFirstWhateverTheRegistrationOrder() {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		alice.connect("url", payload -> "low", -5);
		alice.connect("url", payload -> "default");
		bob.connect("url", payload -> "high", 7);

		assertEquals(List.of("high", "default", "low"), neutral.askAround("url", null));
	}

	@Test
	void equalRankingsAnswerInRegistrationOrder() {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		bob.connect("url", payload -> "first");
		alice.connect("url", payload -> "second");
		bob.connect("url", payload -> "third");

		assertEquals(List.of("first", "second", "third"), neutral.askAround("url", null));
	}

	@Test
	void declarativeServicesHandlersTakeTheirRankingFromComponentProperties() {
		participants.install("ranked");
		Partyline alice = participants.join("alice");
		participants.awaitHandlers("greeting", 2);
		alice.connect("greeting", payload -> "default " + payload);

		assertEquals(List.of("preferred you", "default you", "fallback you"), neutral.askAround("greeting", "you"));
	}

	@Test
	void oneHandlerServiceMayAnswerSeveralNames() {
		participants.install("ranked");
		participants.awaitHandlers("echo", 1);

		assertEquals(List.of("hello"), neutral.askAround("echo", "hello"));
		assertEquals(List.of("HEY"), neutral.askAround("shout", "HEY"));
	}
}
