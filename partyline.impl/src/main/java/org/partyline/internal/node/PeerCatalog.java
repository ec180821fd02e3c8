package org.partyline.internal.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a peer said it has: each service name with the applications (symbolic names) that have handlers of it there.
 * Immutable; a peer's newer catalog replaces it whole. Catalogs of one start of the peer (its incarnation) are
 * ordered by version, so one that arrives late is not taken for the latest.
 */
record PeerCatalog(String incarnation, long version, Map<String, String[]> applications) {

	private static final String[] NONE = {};

	/** The applications with handlers of the name; empty when the peer has none. */
	String[] of(String serviceName) {
		return applications.getOrDefault(serviceName, NONE);
	}

	/** Whether this catalog replaces {@code older}: of another start of the peer, or later in the same one. */
	boolean replaces(PeerCatalog older) {
		return older == null || !older.incarnation.equals(incarnation) || version > older.version;
	}

	/** The catalog in a peer's message, or {@code null} when it holds none or a malformed one. */
	static PeerCatalog in(Map<String, Object> message) {
		if (!(message.get(PartylineNode.INCARNATION) instanceof String incarnation)
				|| !(message.get(PartylineNode.VERSION) instanceof Long version)
				|| !(message.get(PartylineNode.CATALOG) instanceof Map<?, ?> catalog)) {
			return null;
		}
		Map<String, String[]> applications = new HashMap<>();
		for (Map.Entry<?, ?> entry : catalog.entrySet()) {
			if (!(entry.getKey() instanceof String name) || !(entry.getValue() instanceof List<?> names)
					|| !names.stream().allMatch(String.class::isInstance)) {
				return null;
			}
			applications.put(name, names.toArray(String[]::new));
		}
		return new PeerCatalog(incarnation, version, Map.copyOf(applications));
	}

	/** This node's catalog as a message to its peers. */
	static Map<String, Object> message(String incarnation, long version, Map<String, List<String>> applications) {
		Map<String, Object> message = new HashMap<>();
		message.put(PartylineNode.INCARNATION, incarnation);
		message.put(PartylineNode.VERSION, version);
		Map<String, Object> catalog = new HashMap<>();
		applications.forEach((name, owners) -> catalog.put(name, new ArrayList<>(owners))); // the JDK's own classes
		message.put(PartylineNode.CATALOG, catalog);
		return message;
	}
}
