package org.partyline.internal.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import org.partyline.api.Reply;
import org.partyline.internal.ask.Peer;
import org.partyline.internal.ask.PeerAnswer;
import org.partyline.internal.handlers.HandlerLane;

/**
 * One peer node, through the service Aries RSA imported for it: what this node knows of it (its name, whether it
 * answered last time) and the lane its calls go through, so a peer that hangs holds at most a few threads.
 * <p>
 * A peer is known to be reached or not from the last call to it, whoever made it (an ask, a hello, its own hello to
 * this node); nothing calls it on a timer, so at rest a node sends nothing.
 */
final class ImportedPeer implements Peer {

	/** What this node knows of the peer since its last call. */
	record State(boolean reached, String node, String detail) {
	}

	private final String endpoint;
	private final PartylineNode node;
	private final int callsAtOnce;
	private final Runnable changed;
	private final HandlerLane lane = new HandlerLane();
	private final AtomicLong asked = new AtomicLong();
	private volatile State state;
	/** What the peer said it has; {@code null} until it said. */
	private volatile PeerCatalog catalog;

	ImportedPeer(String endpoint, PartylineNode node, int callsAtOnce, Runnable changed) {
		this.endpoint = endpoint;
		this.node = node;
		this.callsAtOnce = callsAtOnce;
		this.changed = changed;
		this.state = new State(false, "", "not asked yet");
	}

	String endpoint() {
		return endpoint;
	}

	State state() {
		return state;
	}

	/** The peer's name once it told it, else its endpoint: what its replies name. */
	String label() {
		String name = state.node();
		return name.isEmpty() ? endpoint : name;
	}

	@Override
	public HandlerLane lane() {
		return lane;
	}

	@Override
	public int callsAtOnce(int perHandler) {
		return callsAtOnce;
	}

	@Override
	public Reply late(long askedAtNanos) {
		return NodeReply.late(label(), askedAtNanos);
	}

	@Override
	public String[] applications(String serviceName) {
		PeerCatalog said = catalog;
		return said == null ? null : said.of(serviceName);
	}

	/** How many names the peer said it has, or -1 before it said. */
	int names() {
		PeerCatalog said = catalog;
		return said == null ? -1 : said.applications().size();
	}

	/** How many asks this node sent the peer. */
	long asked() {
		return asked.get();
	}

	/** Takes the catalog in a peer's message, unless it is older than the one this node has. */
	void learn(Map<String, Object> message) {
		PeerCatalog said = PeerCatalog.in(message);
		synchronized (this) {
			if (said != null && said.replaces(catalog)) {
				catalog = said;
			}
		}
	}

	@Override
	public CompletionStage<PeerAnswer> ask(String callerApp, String[] here, String serviceName, Object payload,
			int depth, Duration deadline) {
		long started = System.nanoTime();
		asked.incrementAndGet();
		Map<String, Object> ask = new HashMap<>();
		ask.put(PartylineNode.APP, callerApp);
		ask.put(PartylineNode.HERE, new ArrayList<>(Arrays.asList(here)));
		ask.put(PartylineNode.NAME, serviceName);
		ask.put(PartylineNode.PAYLOAD, payload);
		ask.put(PartylineNode.DEPTH, depth);
		ask.put(PartylineNode.DEADLINE_NANOS, deadline.toNanos());
		CompletionStage<Map<String, Object>> sent;
		try {
			sent = node.ask(ask); // the transport's timeout bounds it
		} catch (RuntimeException | LinkageError failure) {
			return CompletableFuture.completedFuture(unreached(failure, started));
		}
		return sent.handle((answer, failed) -> {
			if (failed == null) {
				try {
					PeerAnswer read = WireReplies.fromWire(answer, label());
					reached(answer);
					return read;
				} catch (RuntimeException unreadable) {
					return unreached(unreadable, started);
				}
			}
			return unreached(failed instanceof CompletionException && failed.getCause() != null ? failed.getCause()
					: failed, started);
		});
	}

	private PeerAnswer unreached(Throwable failure, long started) {
		unreached(failure);
		return PeerAnswer.unreached(NodeReply.failed(label(), failure, started));
	}

	/**
	 * Says who this node is and what it has, and learns the same of the peer; false when it could not be reached.
	 *
	 * @param own this node's name, endpoint and catalog, as a message
	 */
	boolean hello(Map<String, Object> own) {
		try {
			Map<String, Object> answer = node.hello(own);
			learn(answer);
			reached(answer);
			return true;
		} catch (RuntimeException | LinkageError failure) {
			unreached(failure);
			return false;
		}
	}

	/** Tells the peer this node's new catalog; false when it could not be reached. */
	boolean tell(Map<String, Object> catalog) {
		try {
			reached(node.catalog(catalog));
			return true;
		} catch (RuntimeException | LinkageError failure) {
			unreached(failure);
			return false;
		}
	}

	/** The peer called this node: so it is up, under the name it gave. */
	void heardFrom(String name) {
		update(new State(true, name, "said hello"));
	}

	private void reached(Map<String, Object> answer) {
		String name = answer.get(PartylineNode.NODE) instanceof String given ? given : state.node();
		update(new State(true, name, "answered"));
	}

	private void unreached(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause(); // the transport wraps the socket's own exception, which says what happened
		}
		update(new State(false, state.node(), cause.getClass().getSimpleName() + ": " + cause.getMessage()));
	}

	private void update(State next) {
		State previous = state;
		state = next;
		// what the view shows: whether reached, the name, and for a peer not reached, why
		if (previous.reached() != next.reached() || !previous.node().equals(next.node())
				|| !next.reached() && !previous.detail().equals(next.detail())) {
			changed.run();
		}
	}

	@Override
	public String toString() {
		return "peer " + label() + " at " + endpoint;
	}
}
