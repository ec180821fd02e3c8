package org.partyline.internal.node;

/**
 * What a handler on another node threw, as it crossed: its type and message only, since no class but the JDK's
 * crosses. Its stack trace would be this node's, so it has none.
 */
final class PeerFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	PeerFailure(String node, String failure) {
		super("on node " + node + ": " + failure, null, false, false);
	}
}
