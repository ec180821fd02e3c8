package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.partyline.api.Handler;
import org.partyline.api.HighAndDry;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.api.Reply;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;

/** {@code replies}: the handlers {@code askAround} would ask, each reply naming who gave it and how it went. */
class RepliesTest extends ParticipantTest {

	@Test
	void eachReplyNamesTheBundleServiceAndRankingOfItsHandler() {
		Bundle aliceBundle = participants.install("alice");
		Bundle bobBundle = participants.install("bob");
		Participants.partylineOf(aliceBundle).connect("url", payload -> "/alice/" + payload, 5);
		Participants.partylineOf(bobBundle).connect("url", payload -> "/bob/" + payload);

		List<Reply> replies = neutral.replies("url", "home");

		assertEquals(List.of("/alice/home", "/bob/home"), replies.stream().map(Reply::answer).toList());
		Reply alice = replies.get(0);
		assertEquals(Reply.ANSWERED, alice.outcome());
		assertTrue(alice.isAnswered());
		assertEquals("partyline.tb.alice", alice.bundleSymbolicName());
		assertEquals(aliceBundle.getBundleId(), alice.bundleId());
		assertEquals(5, alice.ranking());
		assertEquals(serviceIdOf(aliceBundle, "url"), alice.serviceId());
		assertNull(alice.failure());
		assertEquals(bobBundle.getBundleId(), replies.get(1).bundleId());
		assertEquals(0, replies.get(1).ranking());
	}

	@Test
	void declinesAndFailuresAreRepliesNotExceptionsWhateverTheFailurePolicy() {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		Partyline carol = participants.join("carol");
		alice.connect("url", payload -> {
			throw new HighAndDry();
		}, 3);
		IllegalStateException boom = new IllegalStateException("boom");
		bob.connect("url", payload -> {
			throw boom;
		}, 2);
		carol.connect("url", payload -> null, 1);

		List<Reply> replies = neutral.replies("url", null);

		assertEquals(List.of(Reply.DECLINED, Reply.FAILED, Reply.ANSWERED),
				replies.stream().map(Reply::outcome).toList());
		assertEquals(boom, replies.get(1).failure());
		assertNull(replies.get(2).answer(), "null is an answer");
		assertEquals(List.of("partyline.tb.alice", "partyline.tb.bob", "partyline.tb.carol"),
				replies.stream().map(Reply::bundleSymbolicName).toList());
	}

	@Test
	void theCallersOwnHandlersAreNotAsked() {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		alice.connect("url", payload -> "alice");
		bob.connect("url", payload -> "bob");

		assertEquals(List.of("partyline.tb.bob"),
				alice.replies("url", null).stream().map(Reply::bundleSymbolicName).toList());
		assertEquals(List.of(), alice.replies("url", null).stream().filter(r -> r.answer().equals("alice")).toList());
	}

	@Test
	void aNameNobodyHasIsNoSuchServiceNameUnlessMissingNamesAreIgnored() throws Exception {
		assertThrows(NoSuchServiceName.class, () -> neutral.replies("nobody", null));

		configure("ignoreMissingServices", true);

		assertEquals(List.of(), neutral.replies("nobody", null));
	}

	private long serviceIdOf(Bundle owner, String serviceName) {
		for (ServiceReference<Handler> handler : participants.handlers(serviceName)) {
			if (handler.getBundle().getBundleId() == owner.getBundleId()) {
				return (Long) handler.getProperty("service.id");
			}
		}
		throw new AssertionError("no handler of " + owner);
	}
}
