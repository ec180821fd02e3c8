package org.partyline.internal.node;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.partyline.internal.ask.Switchboard;


/**
 * What this node has, told to its peers: in every hello, and pushed to every peer as soon as the handlers change, so
 * that they ask this node only for the names it can answer. Changes that come while a push is waiting to start go
 * with it; at rest nothing runs.
 */
final class OwnCatalog {

	private final String name;
	private final String endpoint;
	private final Switchboard switchboard;
	private final Supplier<List<ImportedPeer>> peers;
	private final Executor calls;
	/** Tells the peers this start of the node apart from the one before, whose versions began again at 1. */
	private final String incarnation = UUID.randomUUID().toString();
	private final AtomicBoolean pushWaiting = new AtomicBoolean();
	private long version; // guarded by this

	OwnCatalog(String name, String endpoint, Switchboard switchboard, Supplier<List<ImportedPeer>> peers, Executor calls) {
		this.name = name;
		this.endpoint = endpoint;
		this.switchboard = switchboard;
		this.peers = peers;
		this.calls = calls;
	}

	void start() {
		switchboard.whenHandlersChange(this::changed);
	}

	void stop() {
		switchboard.whenHandlersChange(null);
	}

	/**
	 * This node's name, endpoint and catalog as a message, numbered: read and numbered under one lock, so a later
	 * number never goes with an earlier catalog.
	 */
	synchronized Map<String, Object> message() {
		Map<String, Object> message = PeerCatalog.message(incarnation, ++version, switchboard.applications());
		message.put(PartylineNode.NODE, name);
		message.put(PartylineNode.ENDPOINT, endpoint);
		return message;
	}

	/** On the thread that changed the handlers: only hands the push on. */
	private void changed() {
		if (pushWaiting.compareAndSet(false, true)) {
			try {
				calls.execute(this::push);
			} catch (RejectedExecutionException stopping) {
				pushWaiting.set(false);
			}
		}
	}

	private void push() {
		pushWaiting.set(false); // a change from now on pushes again: this push may already have read the handlers
		Map<String, Object> message = message();
		for (ImportedPeer peer : peers.get()) {
			try {
				calls.execute(() -> peer.tell(message));
			} catch (RejectedExecutionException stopping) {
				return;
			}
		}
	}
}
