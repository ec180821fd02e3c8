package org.partyline.bench;

import java.util.ArrayList;
import java.util.List;

import org.partyline.api.HighAndDry;

/**
 * The physical limit: the loop a user would write over a pre-built array of handlers of several bundles, skipping
 * their own and declines, collecting into a list presized to the array (as askAround does).
 */
final class PlainLoop {

	private PlainLoop() {
	}

	static List<Object> askAround(OwnedHandler[] handlers, long callerId, Object payload) {
		List<Object> answers = new ArrayList<>(handlers.length);
		for (OwnedHandler owned : handlers) {
			if (owned.ownerId == callerId) {
				continue;
			}
			try {
				answers.add(owned.handler.handle(payload));
			} catch (HighAndDry declined) {
				// not its business
			}
		}
		return answers;
	}
}
