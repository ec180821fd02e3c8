package org.partyline.internal.invite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.partyline.api.Invitation;

/** How a sent invitation's answer is classified. */
class InvitationOutcomeTest {

	@Test
	void anAnswerWithAHandlerConnectedJoins() {
		assertEquals(new InvitationOutcome(Invitation.JOINED, ""), InvitationOutcome.of(200, null, true));
		assertEquals(new InvitationOutcome(Invitation.JOINED, ""), InvitationOutcome.of(302, null, true));
	}

	@Test
	void anAnswerWithoutAHandlerOrA4xxDeclines() {
		assertEquals(InvitationOutcome.declined("answered 200 without connecting a handler"),
				InvitationOutcome.of(200, null, false));
		assertEquals(InvitationOutcome.declined("answered 404"), InvitationOutcome.of(404, null, true));
	}

	@Test
	void a5xxOrNoAnswerFails() {
		assertEquals(InvitationOutcome.failed("answered 500"), InvitationOutcome.of(500, null, true));
		assertEquals(InvitationOutcome.failed("no answer in time"),
				InvitationOutcome.of(null, new CompletionException(new HttpTimeoutException("timed out")), false));
		assertEquals(InvitationOutcome.failed("IOException: reset"),
				InvitationOutcome.of(null, new IOException("reset"), false));
	}
}
