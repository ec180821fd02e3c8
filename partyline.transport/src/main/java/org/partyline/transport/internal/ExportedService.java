package org.partyline.transport.internal;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A service exported through this transport: the object, and the methods of its exported interfaces, the only ones a
 * peer may call (never another public method of the implementation).
 */
final class ExportedService {

	private final Object service;
	private final Map<String, Method> methods = new HashMap<>();

	ExportedService(Object service, Class<?>[] interfaces) {
		this.service = service;
		for (Class<?> type : interfaces) {
			for (Method method : type.getMethods()) {
				methods.put(key(method), method);
			}
		}
	}

	/** How a call names its method: the name and the parameter types, as overloads differ only there. */
	static String key(Method method) {
		return Arrays.stream(method.getParameterTypes()).map(Class::getName)
				.collect(Collectors.joining(",", method.getName() + "(", ")"));
	}

	Object service() {
		return service;
	}

	/** The exported method of that key, or {@code null}. */
	Method method(String key) {
		return methods.get(key);
	}
}
