package org.partyline.internal.ask;

import java.util.Arrays;

/**
 * The peers one ask goes to, chosen by what each said it has: a peer that has no handler of the name is not asked,
 * nor one whose handlers of it all belong to applications left out (the caller's own, and those with handlers of the
 * name here, as an application here answers from here). A peer that has not said yet is asked.
 *
 * @param asked the peers to call, in precedence order
 * @param knownThere whether a peer not asked has the name, so that an ask no one answers is no
 *        {@code NoSuchServiceName}
 * @param here the applications with handlers of the name here, which the asked peers leave out too
 */
record PeerChoice(Peer[] asked, boolean knownThere, String[] here) {

	private static final String[] NONE = {};

	/**
	 * The choice among the peers; {@code null} when no peer is asked and none has the name, which costs one look at
	 * each peer's names and no allocation: the cost of a name only this framework has.
	 */
	static PeerChoice among(Peer[] peers, String callerApp, String serviceName, boolean leaveOutHere,
			Switchboard switchboard) {
		Peer[] asked = null;
		int count = 0;
		boolean knownThere = false;
		String[] here = null;
		for (Peer peer : peers) {
			String[] theirs = peer.applications(serviceName);
			if (theirs != null && theirs.length == 0) {
				continue; // said it has no handler of the name
			}
			if (theirs != null) {
				knownThere = true;
				if (here == null) {
					here = leaveOutHere ? switchboard.applicationsHere(serviceName) : NONE;
				}
				if (!anyBut(theirs, callerApp, here)) {
					continue; // all of them left out: nothing it would answer
				}
			}
			if (asked == null) {
				asked = new Peer[peers.length];
			}
			asked[count++] = peer;
		}
		if (asked == null && !knownThere) {
			return null;
		}
		Peer[] chosen = asked == null ? new Peer[0] : count == asked.length ? asked : Arrays.copyOf(asked, count);
		if (here == null) {
			here = leaveOutHere ? switchboard.applicationsHere(serviceName) : NONE;
		}
		return new PeerChoice(chosen, knownThere, here);
	}

	/** Whether one of the applications is neither the caller's nor one of those here. */
	private static boolean anyBut(String[] applications, String callerApp, String[] here) {
		for (String application : applications) {
			if (!application.equals(callerApp) && !contains(here, application)) {
				return true;
			}
		}
		return false;
	}

	static boolean contains(String[] applications, String application) {
		for (String each : applications) {
			if (each.equals(application)) {
				return true;
			}
		}
		return false;
	}
}
