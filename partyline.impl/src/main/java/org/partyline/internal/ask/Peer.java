package org.partyline.internal.ask;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.partyline.internal.handlers.Callee;

/** A peer node, as the asks of this framework call it. */
public interface Peer extends Callee {

	/**
	 * Asks the peer's own handlers of the name, except those of the caller's application and of the applications
	 * given, within the deadline; the stage completes when the answer comes, with no thread waiting for it. Never
	 * fails: a peer that cannot be asked answers with one reply that says why.
	 *
	 * @param callerApp the symbolic name of the asking bundle, or {@code ""} for a neutral caller
	 * @param here the applications that have handlers of the name in the asking framework, left out there too
	 * @param payload the payload as it crosses ({@link Peers#wired})
	 * @param depth how deep the ask is nested, so loops across nodes meet the same limit as loops in one
	 */
	CompletionStage<PeerAnswer> ask(String callerApp, String[] here, String serviceName, Object payload, int depth,
			Duration deadline);

	/**
	 * The applications (symbolic names) with handlers of the name on the peer, as it last said; empty when it has
	 * none, {@code null} while it has not said what it has (it is asked then). Read on every ask: no lock, no
	 * allocation.
	 */
	String[] applications(String serviceName);
}
