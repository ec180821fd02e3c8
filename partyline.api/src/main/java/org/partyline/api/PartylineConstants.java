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

	private PartylineConstants() {
		// constants only
	}
}
