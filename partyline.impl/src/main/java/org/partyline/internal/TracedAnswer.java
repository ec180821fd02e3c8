package org.partyline.internal;

import org.partyline.api.HighAndDry;

/**
 * One handler's part in a traced ask: its answer, or the exception it threw ({@link HighAndDry} for a decline).
 */
public record TracedAnswer(HandlerEntry handler, Object answer, Throwable thrown) {

	public boolean declined() {
		return thrown instanceof HighAndDry;
	}

	public boolean failed() {
		return thrown != null && !declined();
	}
}
