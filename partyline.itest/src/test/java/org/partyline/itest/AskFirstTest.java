package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.partyline.api.HighAndDry;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.itest.support.ParticipantTest;

/** askFirst returns the first answer in precedence order and calls nobody after it. */
class AskFirstTest extends ParticipantTest {

	@Test
	void askFirstReturnsTheHighestRankedAnswerWithoutCallingTheRest() {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		AtomicInteger laterCalls = new AtomicInteger();
		alice.connect("url", payload -> "/alice", 10);
		bob.connect("url", payload -> {
			laterCalls.incrementAndGet();
			return "/bob";
		});

		assertEquals(Optional.of("/alice"), neutral.askFirst("url", null));
		assertEquals(0, laterCalls.get());
	}

	@Test
	void askFirstSkipsDecliningAndNullAnswers() {
		Partyline alice = participants.join("alice");
		alice.connect("url", payload -> {
			throw new HighAndDry();
		}, 20);
		alice.connect("url", payload -> null, 10);
		alice.connect("url", payload -> "/third");

		assertEquals(Optional.of("/third"), neutral.askFirst("url", null, String.class));
	}

	@Test
	void askFirstIsEmptyWhenOnlyTheCallerAnswers() {
		Partyline alice = participants.join("alice");
		alice.connect("url", payload -> "/alice");

		assertEquals(Optional.empty(), alice.askFirst("url", null));
	}

	@Test
	void askFirstRaisesNoSuchServiceNameLikeAskAround() {
		assertThrows(NoSuchServiceName.class, () -> neutral.askFirst("nobody", null));
	}
}
