package org.partyline.internal;

import java.lang.reflect.Method;
import java.util.Map;

import org.osgi.service.log.Logger;
import org.partyline.api.PartylineConstants;

/**
 * Declarative Services turns a malformed value ("perhaps" for a boolean, "soon" or -5 for a timeout) into
 * {@code false} or 0 without a word; this says so in the log, naming the key and the value, so whoever configures
 * the partyline sees why a setting has no effect. The components then use the default.
 */
public final class ConfigurationCheck {

	private ConfigurationCheck() {
	}

	public static void warnAboutMalformed(Map<String, Object> properties, Logger logger) {
		for (Method attribute : PartylineConfiguration.class.getDeclaredMethods()) {
			String key = attribute.getName();
			Object value = properties.get(key);
			if (value == null) {
				continue;
			}
			if (attribute.getReturnType() == boolean.class && !isBoolean(value)) {
				logger.warn("Configuration {}: {}={} is not a boolean; using the default {}",
						PartylineConstants.CONFIGURATION_PID, key, value, attribute.getDefaultValue());
			} else if (attribute.getReturnType() == int.class && positive(value) == null) {
				logger.warn("Configuration {}: {}={} is not a positive whole number; using the default {}",
						PartylineConstants.CONFIGURATION_PID, key, value, attribute.getDefaultValue());
			}
		}
	}

	/** @return the value as a positive int, or {@code null} if it is not one */
	public static Integer positive(Object value) {
		try {
			int number = value instanceof Number ? Math.toIntExact(((Number) value).longValue())
					: Integer.parseInt(String.valueOf(value).trim());
			return number > 0 ? number : null;
		} catch (NumberFormatException | ArithmeticException e) {
			return null;
		}
	}

	private static boolean isBoolean(Object value) {
		return value instanceof Boolean
				|| value instanceof String && ("true".equalsIgnoreCase((String) value) || "false".equalsIgnoreCase((String) value));
	}
}
