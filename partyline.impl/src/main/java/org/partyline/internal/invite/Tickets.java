package org.partyline.internal.invite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

import org.partyline.api.Partyline;

/**
 * The tickets of the invitations in flight, one per invite route: each with a one-time token of 256 bits from
 * {@link SecureRandom}, valid once, until the invitation's deadline, and compared in constant time.
 */
final class Tickets {

	/** The request header carrying the ticket's token. */
	static final String TOKEN_HEADER = "Partyline-Invitation";

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();
	private final ConcurrentHashMap<String, Ticket> byRoute = new ConcurrentHashMap<>();

	/**
	 * Issues the ticket for a route (a raw request URI path), replacing any earlier one for it.
	 *
	 * @param partyline the invited servlet bundle's {@code Partyline}, which the ticket admits the servlet to
	 */
	Ticket issue(String route, Partyline partyline, Duration validity) {
		byte[] bytes = new byte[TOKEN_BYTES];
		random.nextBytes(bytes);
		byte[] token = Base64.getUrlEncoder().withoutPadding().encode(bytes);
		Ticket ticket = new Ticket(route, token, System.nanoTime() + validity.toNanos(), partyline);
		byRoute.put(route, ticket);
		return ticket;
	}

	/**
	 * @return the ticket, now spent, if the request is the GET its route's ticket was issued for and carries its
	 *         token before the deadline; otherwise {@code null}
	 */
	Ticket redeem(String method, String requestUri, String token) {
		Ticket ticket = requestUri == null ? null : byRoute.get(requestUri);
		if (ticket == null || token == null || !"GET".equals(method)) {
			return null;
		}
		if (System.nanoTime() - ticket.deadlineNanos > 0) {
			byRoute.remove(requestUri, ticket);
			return null;
		}
		if (!MessageDigest.isEqual(ticket.token, token.getBytes(StandardCharsets.US_ASCII))) {
			return null;
		}
		return byRoute.remove(requestUri, ticket) ? ticket : null;
	}

	/** Withdraws a ticket that was not redeemed (the invitation ended). */
	void withdraw(Ticket ticket) {
		byRoute.remove(ticket.route, ticket);
	}
}
