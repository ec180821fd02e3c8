package org.partyline.internal.node;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * One framework's partyline as its peers call it: the one service a node exports. Everything crosses as plain
 * values (strings, numbers, booleans, lists and maps; see {@link WireValues}), never as classes of the partyline,
 * so that the receiving side needs no class but the JDK's to read it, and the transport makes nothing else.
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
	/** The applications of the asking framework with handlers of the name: left out, as they answer there. */
	String HERE = "here";
	/** Each name with the applications that have handlers of it on the sending node: which asks it can answer. */
	String CATALOG = "catalog";
	/** Which start of the sending node the catalog is of, and its order among that start's catalogs. */
	String INCARNATION = "incarnation";
	String VERSION = "version";

	/**
	 * A peer says who it is ({@value #NODE}, {@value #ENDPOINT}) and what it has ({@value #CATALOG},
	 * {@value #INCARNATION}, {@value #VERSION}); the answer says the same of this node.
	 */
	Map<String, Object> hello(Map<String, Object> caller);

	/**
	 * A peer's handlers changed: its new catalog, as in {@link #hello}. The answer names this node. Sent by the peer
	 * as the change happens, so that this node asks it only for names it has, with no timer at rest.
	 */
	Map<String, Object> catalog(Map<String, Object> update);

	/**
	 * Asks this node's own handlers of {@value #NAME} but those of bundles named {@value #APP} or listed in
	 * {@value #HERE}, with {@value #PAYLOAD}, at nesting {@value #DEPTH}, within {@value #DEADLINE_NANOS}. The answer
	 * holds {@value #NODE}, {@value #KNOWN} (whether any handler of the name is connected here) and {@value #REPLIES},
	 * or {@value #REFUSED} with the reason. It comes later (a stage): the transport sends it as the ask resolves,
	 * with no thread of either node waiting on the serving side.
	 */
	CompletionStage<Map<String, Object>> ask(Map<String, Object> ask);
}
