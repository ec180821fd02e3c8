package org.partyline.bench;

import java.util.List;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

/**
 * Request/response emulated with EventAdmin, as users do it: the sender puts a list in the event and every handler
 * adds its answer.
 */
final class AnsweringEventHandler implements EventHandler {

	static final String TOPIC = "partyline/bench/url";
	static final String ANSWERS = "answers";

	@Override
	public void handleEvent(Event event) {
		@SuppressWarnings("unchecked")
		List<Object> answers = (List<Object>) event.getProperty(ANSWERS);
		answers.add(Answering.ANSWER);
	}
}
