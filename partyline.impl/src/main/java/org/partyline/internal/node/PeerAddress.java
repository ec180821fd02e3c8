package org.partyline.internal.node;

import java.util.ArrayList;
import java.util.List;

/** A peer as configured: {@code host:port}. */
record PeerAddress(String host, int port) {

	/** The endpoint id the partyline's transport gives the node service exported at this address. */
	String endpoint() {
		return "partyline://" + host + ":" + port + "/" + PartylineNode.class.getSimpleName();
	}

	@Override
	public String toString() {
		return host + ":" + port;
	}

	/**
	 * Each {@code host:port} of the configured values, which may also be comma-separated lists.
	 *
	 * @throws IllegalArgumentException naming the first value that is no {@code host:port}
	 */
	static List<PeerAddress> parse(String[] values) {
		List<PeerAddress> peers = new ArrayList<>();
		for (String value : values) {
			for (String peer : value.split(",")) {
				String trimmed = peer.trim();
				if (!trimmed.isEmpty()) {
					peers.add(parseOne(trimmed));
				}
			}
		}
		return peers;
	}

	private static PeerAddress parseOne(String peer) {
		int colon = peer.lastIndexOf(':');
		int port = -1;
		if (colon > 0) {
			try {
				port = Integer.parseInt(peer.substring(colon + 1));
			} catch (NumberFormatException notANumber) {
				port = -1;
			}
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("peer \"" + peer + "\" is not host:port with a port from 1 to 65535");
		}
		return new PeerAddress(peer.substring(0, colon), port);
	}
}
