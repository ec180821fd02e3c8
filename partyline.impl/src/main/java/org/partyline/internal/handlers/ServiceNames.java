package org.partyline.internal.handlers;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code partyline.service.name} property, read once: a String, or a String[] / Collection of Strings for a
 * handler answering several names. Anything else yields no names.
 *
 * @param names the usable names, each once, in the property's order; the array must not be modified
 * @param allUsable whether every element of the property was a usable name, so a partly broken value can be
 *            reported
 */
record ServiceNames(String[] names, boolean allUsable) {

	private static final String[] NONE = {};

	static ServiceNames of(Object value) {
		Collection<?> values = value instanceof String ? List.of(value)
				: value instanceof Object[] ? Arrays.asList((Object[]) value)
				: value instanceof Collection ? (Collection<?>) value : List.of();
		Set<String> names = new LinkedHashSet<>();
		boolean allUsable = !values.isEmpty();
		for (Object v : values) {
			if (v instanceof String && !((String) v).isEmpty()) {
				names.add((String) v);
			} else {
				allUsable = false;
			}
		}
		return new ServiceNames(names.toArray(NONE), allUsable);
	}
}
