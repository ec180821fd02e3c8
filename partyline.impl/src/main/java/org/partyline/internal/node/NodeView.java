package org.partyline.internal.node;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * What this node knows of itself and its peers, as properties of a local service (never exported), so a launcher or
 * a console can show it without any class of the partyline: find it with {@code (partyline.node.endpoint=*)}.
 */
final class NodeView {

	static final String NAME = "partyline.node.name";
	static final String ENDPOINT = "partyline.node.endpoint";
	static final String REACHED = "partyline.node.reached";
	static final String UNREACHED = "partyline.node.unreached";
	static final String REFUSAL = "partyline.node.refusal";

	private final String name;
	private final String endpoint;
	private final ServiceRegistration<NodeView> registration;

	NodeView(BundleContext context, String name, String endpoint) {
		this.name = name;
		this.endpoint = endpoint;
		this.registration = context.registerService(NodeView.class, this, properties(List.of(), null));
	}

	/** The node does not run: it says why. */
	void refused(String why) {
		registration.setProperties(properties(List.of(), why));
	}

	/** The peers now, in their order. */
	synchronized void peers(List<ImportedPeer> peers) {
		registration.setProperties(properties(peers, null));
	}

	void unregister() {
		try {
			registration.unregister();
		} catch (IllegalStateException alreadyGone) {
			// the framework withdrew it with the bundle
		}
	}

	private Hashtable<String, Object> properties(List<ImportedPeer> peers, String refusal) {
		List<String> reached = new ArrayList<>();
		List<String> unreached = new ArrayList<>();
		for (ImportedPeer peer : peers) {
			ImportedPeer.State state = peer.state();
			if (state.reached()) {
				reached.add(peer.label() + "@" + peer.endpoint());
			} else {
				unreached.add(peer.endpoint() + ": " + state.detail());
			}
		}
		Hashtable<String, Object> properties = new Hashtable<>();
		properties.put(NAME, name);
		properties.put(ENDPOINT, endpoint);
		properties.put(REACHED, reached.toArray(String[]::new));
		properties.put(UNREACHED, unreached.toArray(String[]::new));
		if (refusal != null) {
			properties.put(REFUSAL, refusal);
		}
		return properties;
	}
}
