package org.partyline.internal.invite;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.partyline.api.Connection;
import org.partyline.api.Partyline;

/**
 * One invitation on its way: the one-time token for one route, the operator it admits the servlet to, and the
 * connections the servlet makes while handling it.
 */
final class Ticket {

	final String route;
	final byte[] token;
	final long deadlineNanos;
	final Partyline operator;
	final List<Connection> connections = new CopyOnWriteArrayList<>();

	Ticket(String route, byte[] token, long deadlineNanos, Partyline operator) {
		this.route = route;
		this.token = token;
		this.deadlineNanos = deadlineNanos;
		this.operator = operator;
	}

	String tokenText() {
		return new String(token, java.nio.charset.StandardCharsets.US_ASCII);
	}
}
