package org.partyline.internal.node;

/**
 * One peer as the shell and the console show it: its endpoint, its name once known, and its last call's outcome.
 *
 * @param names how many service names it said it has handlers of; -1 before it said
 * @param asks how many asks this node sent it since the node started
 */
public record PeerStatus(String endpoint, String node, boolean reached, String detail, int names, long asks) {
}
