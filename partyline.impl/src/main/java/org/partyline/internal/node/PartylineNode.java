package org.partyline.internal.node;

import java.util.Map;

/**
 * One framework's partyline as its peers call it: the one service a node exports. Everything crosses as plain
 * values (strings, numbers, booleans, lists and maps; see {@link WireValues}), never as classes of the partyline,
 * so that the receiving side needs no class but the JDK's to read it, and its serial filter can refuse all others.
 * Neither method throws: a refusal is an answer ({@value #REFUSED}).
 */
public interface PartylineNode {

	/** The keys of the maps that cross. */
	String NODE = "node";
	String ENDPOINT = "endpoint";
	String APP = "app";
	String NAME = "name";
	String PAYLOAD = "payload";
	String DEPTH = "depth";
	String DEADLINE_NANOS = "deadlineNanos";
	String KNOWN = "known";
	String REPLIES = "replies";
	String REFUSED = "refused";

	/**
	 * A peer says who it is ({@value #NODE}, {@value #ENDPOINT}); the answer says who this node is, the same way.
	 */
	Map<String, Object> hello(Map<String, Object> caller);

	/**
	 * Asks this node's own handlers of {@value #NAME} but those of bundles named {@value #APP}, with
	 * {@value #PAYLOAD}, at nesting {@value #DEPTH}, within {@value #DEADLINE_NANOS}. The answer holds
	 * {@value #NODE}, {@value #KNOWN} (whether any handler of the name is connected here) and {@value #REPLIES}, or
	 * {@value #REFUSED} with the reason.
	 */
	Map<String, Object> ask(Map<String, Object> ask);
}
