package org.partyline.transport.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The proxy of an imported service: its interfaces' methods are calls over the peer's link, Object's are local. A
 * method that returns a {@link CompletionStage} returns at once, its stage completed when the answer comes.
 */
final class RemoteService implements InvocationHandler {

	private final String path;
	private final Supplier<Link> link;
	private final long timeoutMillis;
	/** How each method of the interfaces is named in a call, worked out once rather than on every call. */
	private final Map<Method, String> keys = new HashMap<>();

	/**
	 * @param path the endpoint id's path, which names the service on the peer's node
	 * @param link the link to the peer as the transport has it at the time of each call
	 */
	RemoteService(String path, Supplier<Link> link, long timeoutMillis, Class<?>[] interfaces) {
		this.path = path;
		this.link = link;
		this.timeoutMillis = timeoutMillis;
		for (Class<?> type : interfaces) {
			for (Method method : type.getMethods()) {
				keys.put(method, ExportedService.key(method));
			}
		}
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] arguments) {
		if (method.getDeclaringClass() == Object.class) {
			return switch (method.getName()) {
			case "equals" -> proxy == arguments[0];
			case "hashCode" -> System.identityHashCode(proxy);
			default -> "imported " + path + " of " + link.get();
			};
		}
		String key = keys.get(method);
		if (CompletionStage.class.isAssignableFrom(method.getReturnType())) {
			return link.get().callLater(path, key, arguments, timeoutMillis);
		}
		return link.get().call(path, key, arguments, timeoutMillis);
	}
}
