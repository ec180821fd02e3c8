package org.partyline.internal.ask;

import java.time.Duration;

/**
 * The peers of this framework's node, as the asks see them; {@link AsyncAsks} holds one while the node runs.
 */
public interface Peers {

	/** The peers in their precedence order (as configured); read without a lock, changed by replacing the array. */
	Peer[] peers();

	/**
	 * Whether a peer's handlers of an application that has handlers of the name here are left out (an application
	 * here answers from here); the node's configuration may turn it off.
	 */
	boolean leavesOutApplicationsHere();

	/** How long an ask that returns answers (not a promise) waits for the peers, at most. */
	Duration deadline();

	/**
	 * The payload as it crosses to the peers.
	 *
	 * @throws IllegalArgumentException naming the type, when the payload is of a type that cannot cross
	 */
	Object wired(Object payload);
}
