package org.partyline.launcher.echo;

import org.partyline.api.Handler;

/**
 * A handler that answers with its payload: the whole of the small participant bundles {@link EchoBundle} makes
 * for the node tests, one service name each.
 */
public class Echo implements Handler {

	@Override
	public Object handle(Object payload) {
		return payload;
	}
}
