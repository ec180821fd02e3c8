package org.partyline.internal.node;

import java.time.Duration;

import org.partyline.api.Reply;
import org.partyline.internal.handlers.HandlerReply;

/**
 * A {@link Reply} from another node: one of its handlers' replies as it crossed, or one that stands for a whole
 * node that could not be asked (no bundle: an empty symbolic name and id -1).
 */
record NodeReply(Object answer, String outcome, Throwable failure, String bundleSymbolicName, long bundleId,
		long serviceId, int ranking, Duration duration, String node) implements Reply {

	/** The node did not answer in time, or was not called (too many calls to it under way). */
	static NodeReply late(String node, long askedAtNanos) {
		return unreached(node, LATE, null, askedAtNanos);
	}

	/** The node could not be asked: its failure says why. */
	static NodeReply failed(String node, Throwable failure, long askedAtNanos) {
		return unreached(node, FAILED, failure, askedAtNanos);
	}

	private static NodeReply unreached(String node, String outcome, Throwable failure, long askedAtNanos) {
		return new NodeReply(null, outcome, failure, "", -1, -1, 0,
				Duration.ofNanos(System.nanoTime() - askedAtNanos), node);
	}

	@Override
	public String toString() {
		String who = bundleId < 0 ? "node " + node : bundleSymbolicName + " [" + bundleId + "] on node " + node;
		return outcome + " by " + who + (serviceId < 0 ? "" : ", service " + serviceId) + ": "
				+ HandlerReply.what(this);
	}
}
