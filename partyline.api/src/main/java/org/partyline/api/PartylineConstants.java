package org.partyline.api;

/**
 * Names shared by the Partyline implementation and its participants.
 */
public final class PartylineConstants {

	/**
	 * Service property naming the service a {@link Handler} answers for. Its value is a {@code String}, or a
	 * {@code String[]} / {@code Collection<String>} for a handler that answers several names.
	 */
	public static final String SERVICE_NAME = "partyline.service.name";

	/**
	 * Request attribute under which an invitation carries the invited servlet bundle's {@link Partyline}.
	 */
	public static final String REQUEST_ATTRIBUTE = "partyline";

	/**
	 * Path segment of the route a whiteboard servlet is invited on: a servlet at {@code /shop/*} is invited with
	 * {@code GET /shop/__invite__/}.
	 */
	public static final String INVITE_SEGMENT = "__invite__";

	/**
	 * The configuration PID of the Partyline implementation.
	 */
	public static final String CONFIGURATION_PID = "org.partyline";

	/**
	 * The configuration PID of a partyline node: when configured, this framework's partyline offers its handlers to
	 * the partylines of other frameworks (its peers) through OSGi Remote Services, and asks them in turn.
	 *
	 * @since 1.2
	 */
	public static final String NODE_CONFIGURATION_PID = "org.partyline.node";

	/**
	 * A serial filter of what crosses between nodes: it admits only the types payloads and answers cross as (strings,
	 * numbers, booleans, lists and maps) within limits of depth, size and count, and refuses every other class.
	 * Nodes on Aries RSA's TCP transport needed it as the JVM-wide filter ({@code -Djdk.serialFilter}). The
	 * partyline's own transport uses no Java serialization (it writes and reads those plain values in a format of its
	 * own), so a node needs no filter at all; this one stays for a JVM that wants one for other reasons.
	 *
	 * @since 1.2
	 */
	public static final String NODE_SERIAL_FILTER = "maxdepth=32;maxrefs=100000;maxarray=100000;maxbytes=8000000;"
			+ "java.lang.Object;java.lang.String;java.lang.Boolean;java.lang.Character;java.lang.Number;"
			+ "java.lang.Byte;java.lang.Short;java.lang.Integer;java.lang.Long;java.lang.Float;java.lang.Double;"
			+ "java.math.BigInteger;java.math.BigDecimal;java.util.ArrayList;java.util.HashMap;"
			+ "java.util.LinkedHashMap;java.util.Map$Entry;!*";

	private PartylineConstants() {
		// constants only
	}
}
