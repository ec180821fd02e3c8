package org.partyline.bench;

import java.lang.reflect.Proxy;

/** An object of an interface that nothing is expected to call: any call throws, so a benchmark that did would fail. */
final class Untouchable {

	private Untouchable() {
	}

	static <T> T of(Class<T> type) {
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> {
					throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName()
							+ " was called, which the benchmark does not expect");
				}));
	}
}
