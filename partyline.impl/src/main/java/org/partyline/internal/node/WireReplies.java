package org.partyline.internal.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.partyline.api.Reply;
import org.partyline.internal.ask.PeerAnswer;

/**
 * Replies as they cross: each a map of plain values. The serving node writes them ({@link #toWire}); the asking node
 * reads them back as {@link NodeReply}s naming the node ({@link #fromWire}), trusting nothing in them but their
 * types, plain values, all the transport makes.
 */
final class WireReplies {

	private static final String OUTCOME = "outcome";
	private static final String ANSWER = "answer";
	private static final String FAILURE = "failure";
	private static final String BUNDLE = "bundle";
	private static final String BUNDLE_ID = "bundleId";
	private static final String SERVICE_ID = "serviceId";
	private static final String RANKING = "ranking";
	private static final String NANOS = "nanos";

	private WireReplies() {
	}

	/** This node's answer to a peer; an answer that cannot cross makes its reply a failure that says so. */
	static Map<String, Object> toWire(String node, PeerAnswer answer) {
		List<Object> replies = new ArrayList<>(answer.replies().size());
		for (Reply reply : answer.replies()) {
			replies.add(toWire(reply));
		}
		Map<String, Object> wire = new HashMap<>();
		wire.put(PartylineNode.NODE, node);
		wire.put(PartylineNode.KNOWN, answer.known());
		wire.put(PartylineNode.REPLIES, replies);
		return wire;
	}

	private static Map<String, Object> toWire(Reply reply) {
		Map<String, Object> wire = new HashMap<>();
		String outcome = reply.outcome();
		Object answer = null;
		String failure = reply.failure() == null ? null : String.valueOf(reply.failure());
		if (reply.isAnswered()) {
			try {
				answer = WireValues.wired(reply.answer(), "the answer");
			} catch (IllegalArgumentException cannotCross) {
				outcome = Reply.FAILED;
				failure = cannotCross.getMessage();
			}
		}
		wire.put(OUTCOME, outcome);
		wire.put(ANSWER, answer);
		wire.put(FAILURE, failure);
		wire.put(BUNDLE, reply.bundleSymbolicName());
		wire.put(BUNDLE_ID, reply.bundleId());
		wire.put(SERVICE_ID, reply.serviceId());
		wire.put(RANKING, reply.ranking());
		wire.put(NANOS, reply.duration().toNanos());
		return wire;
	}

	/**
	 * A peer's answer, its replies naming the node it gave for itself (or {@code fallback}).
	 *
	 * @throws IllegalArgumentException when the answer is not of the shape a node answers with
	 */
	static PeerAnswer fromWire(Map<String, Object> wire, String fallback) {
		String node = wire.get(PartylineNode.NODE) instanceof String name ? name : fallback;
		if (wire.get(PartylineNode.REFUSED) instanceof String refused) {
			throw new IllegalArgumentException("node " + node + " refused the ask: " + refused);
		}
		if (!(wire.get(PartylineNode.REPLIES) instanceof List<?> replies)) {
			throw new IllegalArgumentException("node " + node + " answered without replies");
		}
		List<Reply> read = new ArrayList<>(replies.size());
		for (Object reply : replies) {
			if (!(reply instanceof Map<?, ?> fields)) {
				throw new IllegalArgumentException("node " + node + " answered with a reply that is no map");
			}
			read.add(replyOf(fields, node));
		}
		return new PeerAnswer(Boolean.TRUE.equals(wire.get(PartylineNode.KNOWN)), read);
	}

	private static NodeReply replyOf(Map<?, ?> wire, String node) {
		String outcome = String.valueOf(wire.get(OUTCOME));
		Object failure = wire.get(FAILURE);
		return new NodeReply(wire.get(ANSWER), outcome,
				failure == null ? null : new PeerFailure(node, failure.toString()), String.valueOf(wire.get(BUNDLE)),
				number(wire.get(BUNDLE_ID)), number(wire.get(SERVICE_ID)),
				(int) number(wire.get(RANKING)), Duration.ofNanos(Math.max(0, number(wire.get(NANOS)))), node);
	}

	private static long number(Object value) {
		return value instanceof Number number ? number.longValue() : -1;
	}
}
