package org.partyline.internal.participant;

import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.partyline.api.Connection;

/**
 * Reports the connections made on the current thread between {@link #begin(Consumer)} and {@link #end(Session)}:
 * the invite guard uses it to learn what a servlet connected while handling its invitation, so those connections
 * can be closed when that servlet goes away (a re-registered servlet then does not answer twice). Each connection
 * is reported as soon as it is made, before the servlet can answer the invitation. A component of its own: the
 * participants' {@code Partyline}s tell it what they connect, the invite guards listen, and neither needs the other
 * nor the switchboard for it.
 */
@Component(service = ConnectWitness.class)
public final class ConnectWitness {

	/** One bracket; brackets nest. */
	public static final class Session {
		private final Consumer<Connection> sink;
		private final Session outer;

		Session(Consumer<Connection> sink, Session outer) {
			this.sink = sink;
			this.outer = outer;
		}
	}

	private final ThreadLocal<Session> current = new ThreadLocal<>();

	public Session begin(Consumer<Connection> sink) {
		Session session = new Session(sink, current.get());
		current.set(session);
		return session;
	}

	public void end(Session session) {
		if (session.outer == null) {
			current.remove();
		} else {
			current.set(session.outer);
		}
	}

	void saw(Connection connection) {
		Session session = current.get();
		if (session != null) {
			session.sink.accept(connection);
		}
	}
}
