package org.partyline.internal.node;

import java.io.ObjectInputFilter;
import java.io.ObjectInputFilter.Status;
import java.util.List;
import java.util.Optional;

import org.partyline.api.PartylineConstants;

/**
 * Whether this JVM may host a node. Aries RSA's TCP transport reads what a peer sends with plain Java serialization
 * and sets no filter of its own, so the JVM-wide serial filter is the only thing between a crafted stream and the
 * classes of this JVM: a node offers its handlers only where that filter lets in what crosses ({@link WireValues})
 * and refuses the rest.
 */
final class SerialFilterCheck {

	/**
	 * Classes outside the wire types that a filter must refuse; the first two are well known links of
	 * deserialisation attacks, the last is one of the partyline's own.
	 */
	private static final List<Class<?>> MUST_REFUSE = List.of(java.util.PriorityQueue.class, java.net.URL.class,
			java.util.logging.Level.class, NodeReply.class);

	private SerialFilterCheck() {
	}

	/** @return why this JVM's serial filter does not protect a node, or empty when it does */
	static Optional<String> refusal() {
		ObjectInputFilter filter = ObjectInputFilter.Config.getSerialFilter();
		if (filter == null) {
			return Optional.of("no JVM-wide serial filter is in force; start the JVM with -Djdk.serialFilter="
					+ PartylineConstants.NODE_SERIAL_FILTER);
		}
		for (Class<?> crossing : WireValues.CROSSING) {
			if (filter.checkInput(new Probe(crossing)) == Status.REJECTED) {
				return Optional.of("the JVM-wide serial filter refuses " + crossing.getName()
						+ ", which payloads and answers cross as; use -Djdk.serialFilter="
						+ PartylineConstants.NODE_SERIAL_FILTER);
			}
		}
		for (Class<?> other : MUST_REFUSE) {
			if (filter.checkInput(new Probe(other)) != Status.REJECTED) {
				return Optional.of("the JVM-wide serial filter lets " + other.getName()
						+ " through, which nothing that crosses between nodes is; use -Djdk.serialFilter="
						+ PartylineConstants.NODE_SERIAL_FILTER);
			}
		}
		return Optional.empty();
	}

	/** What the filter is asked about one class at the top of a small stream. */
	private record Probe(Class<?> serialClass) implements ObjectInputFilter.FilterInfo {

		@Override
		public long arrayLength() {
			return serialClass.isArray() ? 1 : -1;
		}

		@Override
		public long depth() {
			return 1;
		}

		@Override
		public long references() {
			return 1;
		}

		@Override
		public long streamBytes() {
			return 64;
		}
	}
}
