package org.partyline.transport.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.service.remoteserviceadmin.RemoteConstants;

/** The intents an export asks for: its {@code service.exported.intents} and {@code .extra}, each a string or a list. */
final class Intents {

	private Intents() {
	}

	static List<String> of(Map<String, Object> properties) {
		List<String> intents = new ArrayList<>();
		add(intents, properties.get(RemoteConstants.SERVICE_EXPORTED_INTENTS));
		add(intents, properties.get(RemoteConstants.SERVICE_EXPORTED_INTENTS_EXTRA));
		return intents;
	}

	private static void add(List<String> intents, Object value) {
		if (value instanceof String one) {
			for (String intent : one.split(",")) {
				if (!intent.isBlank()) {
					intents.add(intent.trim());
				}
			}
		} else if (value instanceof String[] many) {
			for (String intent : many) {
				add(intents, intent);
			}
		} else if (value instanceof Collection<?> many) {
			for (Object intent : many) {
				add(intents, intent);
			}
		}
	}
}
