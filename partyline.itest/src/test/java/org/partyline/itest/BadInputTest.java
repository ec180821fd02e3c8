package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.itest.support.ParticipantTest;

/** Bad input gets a clear exception; odd names are ordinary literal names. */
class BadInputTest extends ParticipantTest {

	@Test
	void aNullServiceNameIsRejectedWithAMessage() {
		NullPointerException rejected = assertThrows(NullPointerException.class, () -> neutral.askAround(null, 1));
		assertTrue(rejected.getMessage().contains("serviceName"));
		assertThrows(NullPointerException.class, () -> neutral.askFirst(null, 1));
		assertThrows(NullPointerException.class, () -> neutral.connect(null, payload -> 1));
	}

	@Test
	void anEmptyServiceNameIsRejectedWithAMessage() {
		IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
				() -> neutral.askAround("", 1));
		assertTrue(rejected.getMessage().contains("serviceName"));
		assertThrows(IllegalArgumentException.class, () -> neutral.connect("", payload -> 1));
	}

	@Test
	void aNullHandlerIsRejectedWithAMessage() {
		Partyline alice = participants.join("alice");
		NullPointerException rejected = assertThrows(NullPointerException.class, () -> alice.connect("ping", null));
		assertTrue(rejected.getMessage().contains("handler"));
	}

	@Test
	void aNullAnswerTypeIsRejectedWithAMessage() {
		NullPointerException rejected = assertThrows(NullPointerException.class,
				() -> neutral.askAround("ping", 1, null));
		assertTrue(rejected.getMessage().contains("answerType"));
	}

	@Test
	void aNullPayloadIsPassedOn() {
		Partyline alice = participants.join("alice");
		alice.connect("echo", payload -> Arrays.asList(payload));

		assertEquals(List.of(Arrays.asList((Object) null)), neutral.askAround("echo", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "(objectClass=*)", "a)(b", "back\\slash", "with space", "ünïcödé", "名前", "x*" })
	void namesWithFilterCharactersSpacesOrNonAsciiAreOrdinaryLiteralNames(String name) {
		Partyline alice = participants.join("alice");
		alice.connect(name, payload -> "answer for " + name);
		alice.connect("plain", payload -> "plain");

		assertEquals(List.of("answer for " + name), neutral.askAround(name, null));
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround(name + "-other", null));
	}

	@Test
	void aHandlerNamedStarAnswersOnlyAsksForStar() {
		Partyline alice = participants.join("alice");
		alice.connect("*", payload -> "star");
		alice.connect("ping", payload -> "pong");

		assertEquals(List.of("star"), neutral.askAround("*", null));
		assertEquals(List.of("pong"), neutral.askAround("ping", null));
	}
}
