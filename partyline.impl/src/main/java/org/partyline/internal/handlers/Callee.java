package org.partyline.internal.handlers;

import org.partyline.api.Reply;

/**
 * Whom an asynchronous ask calls in one slot: a handler of this framework, or a peer node that asks its own. Each
 * has a lane, so one that hangs holds at most its lane's threads.
 */
public interface Callee {

	HandlerLane lane();

	/** How many calls of this one may run at once, given the limit for one handler. */
	default int callsAtOnce(int perHandler) {
		return perHandler;
	}

	/** The reply that stands for this one when it did not reply in time, or was not called. */
	Reply late(long askedAtNanos);
}
