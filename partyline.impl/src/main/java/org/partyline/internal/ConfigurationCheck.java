package org.partyline.internal;

import java.lang.reflect.Method;
import java.util.Map;

import org.osgi.service.log.Logger;

/**
 * Declarative Services turns a malformed boolean ("perhaps", a list) into {@code false} without a word; this says so
 * in the log, naming the key and the value, so an operator sees why a switch has no effect.
 */
final class ConfigurationCheck {

	private ConfigurationCheck() {
	}

	static void warnAboutMalformed(Map<String, Object> properties, Logger logger) {
		for (Method attribute : PartylineConfiguration.class.getDeclaredMethods()) {
			String key = attribute.getName();
			Object value = properties.get(key);
			if (value != null && attribute.getReturnType() == boolean.class && !isBoolean(value)) {
				logger.warn("Configuration {}: {}={} is not a boolean; using the default {}",
						org.partyline.api.PartylineConstants.CONFIGURATION_PID, key, value, attribute.getDefaultValue());
			}
		}
	}

	private static boolean isBoolean(Object value) {
		return value instanceof Boolean
				|| value instanceof String && ("true".equalsIgnoreCase((String) value) || "false".equalsIgnoreCase((String) value));
	}
}
