package org.partyline.bench;

import org.partyline.api.Handler;

/** What a hand-written loop iterates: a handler and the id of the bundle that owns it. */
final class OwnedHandler {

	final Handler handler;
	final long ownerId;

	OwnedHandler(Handler handler, long ownerId) {
		this.handler = handler;
		this.ownerId = ownerId;
	}
}
