package org.partyline.bench;

import java.util.List;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * AskBenchmarks' askAround in a framework that is a partyline node with a peer (a stand-in, {@link StandInPeer}) that
 * does not have the name: what being a node adds to an ask of a name only this framework has. The node reads the
 * peer's names and calls no one.
 */
public class NodeBenchmarks extends PartyState {

	private StandInPeer peer;
	private long asksBefore;

	@Override
	void gathered(Party party) {
		peer = StandInPeer.join(party);
		asksBefore = peer.asks();
	}

	@Benchmark
	public List<Object> askAroundOnANode() {
		return partyline.askAround(Party.ANSWERING, payload);
	}

	/** A figure is worth nothing if the peer was asked after all: the run fails instead. */
	@TearDown(Level.Trial)
	public void noAskReachedThePeer() {
		long asked = peer.asks() - asksBefore;
		peer.leave();
		if (asked != 0) {
			throw new IllegalStateException("the peer, which does not have the name, was asked " + asked + " times");
		}
	}
}
