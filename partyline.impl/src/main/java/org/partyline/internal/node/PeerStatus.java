package org.partyline.internal.node;

/** One peer as the shell and the console show it: its endpoint, its name once known, and its last call's outcome. */
public record PeerStatus(String endpoint, String node, boolean reached, String detail) {
}
