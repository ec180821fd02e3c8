package org.partyline.internal.invite;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.partyline.api.Connection;
import org.partyline.api.Partyline;

/**
 * One invitation in flight: the one-time token for one route, the servlet bundle's {@code Partyline} it admits the
 * servlet to, and the connections the servlet makes while handling it.
 */
final class Ticket {

	final String route;
	final byte[] token;
	final long deadlineNanos;
	final Partyline partyline;
	final List<Connection> connections = new CopyOnWriteArrayList<>();

	Ticket(String route, byte[] token, long deadlineNanos, Partyline partyline) {
		this.route = route;
		this.token = token;
		this.deadlineNanos = deadlineNanos;
		this.partyline = partyline;
	}

	String tokenText() {
		return new String(token, StandardCharsets.US_ASCII);
	}
}
