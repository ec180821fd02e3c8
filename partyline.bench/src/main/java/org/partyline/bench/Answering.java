package org.partyline.bench;

import org.partyline.api.Handler;

/** A handler that always has an answer, a constant: the benchmark measures the calling, not the answering. */
final class Answering implements Handler {

	static final String ANSWER = "/shop/product";

	@Override
	public Object handle(Object payload) {
		return ANSWER;
	}
}
