package org.partyline.transport.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
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

	/**
	 * @param path the endpoint id's path, which names the service on the peer's node
	 * @param link the link to the peer as the transport has it at the time of each call
	 */
	RemoteService(String path, Supplier<Link> link, long timeoutMillis) {
		this.path = path;
		this.link = link;
		this.timeoutMillis = timeoutMillis;
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
		if (CompletionStage.class.isAssignableFrom(method.getReturnType())) {
			return link.get().callLater(path, ExportedService.key(method), arguments, timeoutMillis);
		}
		return link.get().call(path, ExportedService.key(method), arguments, timeoutMillis);
	}
}
