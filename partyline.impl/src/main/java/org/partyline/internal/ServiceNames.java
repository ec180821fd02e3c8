package org.partyline.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads the {@code partyline.service.name} property: a String, or a String[] / Collection of Strings for a handler
 * answering several names. Anything else yields no names, reported through {@link #isValid(Object)}.
 */
final class ServiceNames {

	private static final String[] NONE = {};

	private ServiceNames() {
	}

	static String[] of(Object value) {
		if (value instanceof String) {
			return valid((String) value) ? new String[] { (String) value } : NONE;
		}
		Collection<?> values;
		if (value instanceof Object[]) {
			values = Arrays.asList((Object[]) value);
		} else if (value instanceof Collection) {
			values = (Collection<?>) value;
		} else {
			return NONE;
		}
		Set<String> names = new LinkedHashSet<>();
		for (Object v : values) {
			if (v instanceof String && valid((String) v)) {
				names.add((String) v);
			}
		}
		return names.toArray(NONE);
	}

	/** Whether every element of the value is a usable name, so a partly broken value can be reported. */
	static boolean isValid(Object value) {
		if (value instanceof String) {
			return valid((String) value);
		}
		Collection<?> values = value instanceof Object[] ? Arrays.asList((Object[]) value)
				: value instanceof Collection ? (Collection<?>) value : null;
		return values != null && !values.isEmpty()
				&& values.stream().allMatch(v -> v instanceof String && valid((String) v));
	}

	private static boolean valid(String name) {
		return !name.isEmpty();
	}
}
