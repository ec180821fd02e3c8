package org.partyline.internal.invite;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.partyline.api.Connection;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.internal.participant.HandlerConnection;

/**
 * The invitation of every deployed servlet, and the tickets of those in flight. When a servlet goes, its record goes
 * and the handlers it connected while handling its invitation are disconnected.
 */
@Component(service = { Invitations.class, InvitationBook.class })
public final class InvitationBook implements Invitations {

	private static final Comparator<Invitation> OLDEST_FIRST = Comparator.comparing(Invitation::invitedAt)
			.thenComparingLong(Invitation::servletServiceId);

	/** A servlet's current record and what it connected when invited. */
	private static final class Entry {
		volatile InvitationRecord record;
		volatile List<Connection> connections = List.of();

		Entry(InvitationRecord record) {
			this.record = record;
		}
	}

	private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
	private final Tickets tickets = new Tickets();

	Tickets tickets() {
		return tickets;
	}

	@Override
	public List<Invitation> list() {
		return entries.values().stream().<Invitation>map(e -> e.record).sorted(OLDEST_FIRST).toList();
	}

	@Override
	public Optional<Invitation> ofServlet(long servletServiceId) {
		return Optional.ofNullable(entries.get(servletServiceId)).map(e -> e.record);
	}

	/** Starts the record of a servlet (pending, or final for one that is not invited). */
	void open(InvitationRecord record) {
		Entry previous = entries.put(record.servletServiceId(), new Entry(record));
		if (previous != null) {
			disconnect(previous);
		}
	}

	/**
	 * Replaces the pending record with the outcome, keeping the connections made.
	 *
	 * @return {@code false} if the servlet was forgotten meanwhile: the caller must drop the connections
	 */
	boolean close(InvitationRecord pending, InvitationRecord outcome, List<Connection> connections) {
		Entry entry = entries.get(pending.servletServiceId());
		if (entry == null || entry.record != pending) {
			return false;
		}
		entry.connections = List.copyOf(connections);
		entry.record = outcome;
		return entries.get(pending.servletServiceId()) == entry;
	}

	/** The servlet is no longer deployed: forget it and disconnect what it connected when invited. */
	void forget(long servletServiceId) {
		Entry entry = entries.remove(servletServiceId);
		if (entry != null) {
			disconnect(entry);
		}
	}

	@Deactivate
	void deactivate() {
		entries.keySet().forEach(this::forget);
	}

	private static void disconnect(Entry entry) {
		for (Connection connection : entry.connections) {
			if (connection instanceof HandlerConnection) {
				((HandlerConnection) connection).closeUnlessOwnerLeaving();
			} else {
				connection.close();
			}
		}
	}
}
