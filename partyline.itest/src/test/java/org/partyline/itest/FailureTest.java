package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.HandlerFailed;
import org.partyline.api.Partyline;
import org.partyline.itest.support.LogCapture;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;

/** A handler's unexpected exception propagates naming the service and the bundle, or is isolated when configured. */
class FailureTest extends ParticipantTest {

	@Test
	void aFailingHandlerPropagatesAsHandlerFailedNamingTheServiceAndTheBundle() {
		Bundle alice = participants.install("alice");
		IllegalStateException broken = new IllegalStateException("broken");
		Participants.partylineOf(alice).connect("ping", payload -> {
			throw broken;
		});

		HandlerFailed failed = assertThrows(HandlerFailed.class, () -> neutral.askAround("ping", null));

		assertSame(broken, failed.getCause());
		assertEquals("ping", failed.getServiceName());
		assertEquals("partyline.tb.alice", failed.getBundleSymbolicName());
		assertEquals(alice.getBundleId(), failed.getBundleId());
		assertTrue(failed.getMessage().contains("\"ping\"") && failed.getMessage().contains("partyline.tb.alice"),
				failed.getMessage());
	}

	@Test
	void isolatingFailuresLogsTheFailingBundleAndSkipsIt(@InjectService LogReaderService logReader) throws Exception {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		alice.connect("ping", payload -> {
			throw new IllegalStateException("broken");
		});
		bob.connect("ping", payload -> "pong");

		try (LogCapture log = new LogCapture(logReader)) {
			configure("isolateFailures", true);
			assertEquals(List.of("pong"), neutral.askAround("ping", null));

			LogEntry warning = log.await(e -> e.getLogLevel() == LogLevel.WARN
					&& e.getMessage().contains("partyline.tb.alice"));
			assertInstanceOf(IllegalStateException.class, warning.getException());
		}
	}

	@Test
	void anAnswerOfTheWrongTypeFailsItsHandlerInTheTypedAsk() {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		alice.connect("url", payload -> "/alice");
		bob.connect("url", payload -> 42);

		HandlerFailed failed = assertThrows(HandlerFailed.class, () -> neutral.askAround("url", null, String.class));

		assertEquals("partyline.tb.bob", failed.getBundleSymbolicName());
		assertInstanceOf(ClassCastException.class, failed.getCause());
	}

	@Test
	void theTypedAskReturnsTypedAnswers() {
		Partyline alice = participants.join("alice");
		alice.connect("url", payload -> "/alice/" + payload);

		List<String> urls = neutral.askAround("url", "home", String.class);

		assertEquals(List.of("/alice/home"), urls);
	}

	@Test
	void aStackOverflowInAHandlerIsReportedAsItsFailure() {
		Partyline alice = participants.join("alice");
		alice.connect("deep", payload -> recurse(0));

		HandlerFailed failed = assertThrows(HandlerFailed.class, () -> neutral.askAround("deep", null));

		assertInstanceOf(StackOverflowError.class, failed.getCause());
	}

	private static int recurse(int depth) {
		return recurse(depth + 1) + 1;
	}
}
