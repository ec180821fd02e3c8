package org.partyline.bench;

import org.partyline.api.Handler;
import org.partyline.api.HighAndDry;

/** A handler that declines every payload, the cheap way the API offers (no allocation per decline). */
final class Declining implements Handler {

	@Override
	public Object handle(Object payload) {
		throw HighAndDry.decline();
	}
}
