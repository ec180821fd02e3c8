package org.partyline.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers asks for one service name on the partyline.
 * <p>
 * A handler is any OSGi service of this type carrying the {@value PartylineConstants#SERVICE_NAME} property, for
 * example a Declarative Services component:
 *
 * <pre>
 * &#64;Component(property = PartylineConstants.SERVICE_NAME + "=url")
 * public class UrlHandler implements Handler {
 * 	public Object handle(Object payload) {
 * 		if (!"shop.product".equals(payload)) {
 * 			throw new HighAndDry();
 * 		}
 * 		return "/shop/product";
 * 	}
 * }
 * </pre>
 *
 * or a lambda passed to {@link Partyline#connect(String, Handler)}. Handlers are called synchronously, possibly from
 * many threads at once, and must be thread safe.
 */
@ConsumerType
@FunctionalInterface
public interface Handler {

	/**
	 * Answers one ask.
	 *
	 * @param payload what the asker sent, possibly {@code null}; its meaning is agreed between participants
	 * @return the answer, possibly {@code null} (a {@code null} answer is kept by {@link Partyline#askAround})
	 * @throws HighAndDry to decline: this handler has nothing to say about that payload
	 */
	Object handle(Object payload);
}
