package org.partyline.internal.invite;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** A service property that may be a String, a String[] or a collection, as the strings it holds. */
final class PropertyValues {

	private PropertyValues() {
	}

	static List<String> strings(Object property) {
		if (property instanceof String single) {
			return List.of(single);
		}
		if (property instanceof String[] several) {
			return Arrays.asList(several);
		}
		if (property instanceof Collection<?> several) {
			return several.stream().map(String::valueOf).toList();
		}
		return List.of();
	}
}
