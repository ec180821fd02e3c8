package org.partyline.bench;

import org.partyline.api.Handler;
import org.partyline.api.HighAndDry;

/** A handler that declines every payload the way the seed does: a new {@code HighAndDry} each time. */
final class DecliningFreshly implements Handler {

	@Override
	public Object handle(Object payload) {
		throw new HighAndDry();
	}
}
