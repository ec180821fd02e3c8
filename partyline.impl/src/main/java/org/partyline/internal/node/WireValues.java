package org.partyline.internal.node;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.dto.DTO;

/**
 * The values that cross between nodes: strings, numbers, booleans, characters, {@code null}, and lists and maps (with
 * string keys) of these, nested at most {@value #MAX_NESTING} deep. A DTO crosses as the map of its public fields.
 * Anything else is refused at the sender, naming its type; what crosses is a copy in the JDK's own classes, which
 * is all the partyline's transport writes and reads.
 */
final class WireValues {

	static final int MAX_NESTING = 16;

	/** The classes a plain value is of, exactly (no subclass: its serialised form could be anything). */
	private static final Set<Class<?>> PLAIN = Set.of(String.class, Boolean.class, Character.class, Byte.class,
			Short.class, Integer.class, Long.class, Float.class, Double.class, BigInteger.class, BigDecimal.class);

	private static final String ALLOWED = "only strings, numbers, booleans, characters, null, and lists and maps "
			+ "(with string keys) of these, or DTOs, cross to other nodes";

	private WireValues() {
	}

	/**
	 * @return the value as it crosses
	 * @throws IllegalArgumentException naming the type, when {@code value} or anything in it cannot cross
	 */
	static Object wired(Object value, String what) {
		return wired(value, what, 0);
	}

	private static Object wired(Object value, String what, int nesting) {
		if (value == null || PLAIN.contains(value.getClass())) {
			return value;
		}
		if (nesting >= MAX_NESTING) {
			throw new IllegalArgumentException(what + " is nested deeper than " + MAX_NESTING + " levels: " + ALLOWED);
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			for (Object element : list) {
				copy.add(wired(element, what, nesting + 1));
			}
			return copy;
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!(entry.getKey() instanceof String key)) {
					throw refused(what + " has a map key of type " + typeOf(entry.getKey()));
				}
				copy.put(key, wired(entry.getValue(), what, nesting + 1));
			}
			return copy;
		}
		if (value instanceof DTO dto) {
			return fieldsOf(dto, what, nesting);
		}
		throw refused(what + " is of type " + typeOf(value));
	}

	private static Map<String, Object> fieldsOf(DTO dto, String what, int nesting) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (Field field : dto.getClass().getFields()) {
			if (!Modifier.isStatic(field.getModifiers())) {
				try {
					fields.put(field.getName(), wired(field.get(dto), what, nesting + 1));
				} catch (IllegalAccessException notPublic) {
					throw refused(what + " is a DTO of a class that is not public: " + dto.getClass().getName());
				}
			}
		}
		return fields;
	}

	private static String typeOf(Object value) {
		return value == null ? "null" : value.getClass().getName();
	}

	private static IllegalArgumentException refused(String why) {
		return new IllegalArgumentException(why + ", which cannot cross to other nodes: " + ALLOWED);
	}
}
