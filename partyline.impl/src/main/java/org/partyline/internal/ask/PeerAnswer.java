package org.partyline.internal.ask;

import java.util.List;

import org.partyline.api.Reply;

/**
 * What a peer node answered to one ask: whether any handler of the name is connected there (the caller's own
 * included), and the replies of those it asked.
 */
public record PeerAnswer(boolean known, List<Reply> replies) {

	/** A peer that could not be asked: its one reply says why, and it does not make the name known. */
	public static PeerAnswer unreached(Reply reply) {
		return new PeerAnswer(false, List.of(reply));
	}
}
