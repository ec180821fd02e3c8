/**
 * Asking. Every ask starts at {@code Asks}, whoever asks: a participant, the shell, the console page or a peer node.
 * {@code Switchboard} asks this framework's handlers on the caller's thread; {@code AsyncAsks} asks with a deadline on
 * the partyline's own threads ({@code AskThreads}); while this framework is a node, {@code PeerChoice} picks the
 * peers that may answer and {@code PeerAsk} waits for them. A peer is what {@code Peer} says, whatever carries it.
 * Private to the impl bundle.
 */
package org.partyline.internal.ask;
