package org.partyline.transport.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import org.partyline.api.PartylineConstants;

/**
 * The bodies of frames: Java serialisation, read only through the partyline's serial filter, set on each stream this
 * transport reads. So the filter protects the transport without the JVM-wide one, and nothing else in the JVM is
 * limited by it.
 */
final class WireStreams {

	/** Immutable: one filter object serves every stream. */
	private static final ObjectInputFilter FILTER = ObjectInputFilter.Config
			.createFilter(PartylineConstants.NODE_SERIAL_FILTER);

	private WireStreams() {
	}

	/** A body written by {@code writer}. */
	static byte[] write(Writer writer) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			writer.writeTo(out);
		}
		return bytes.toByteArray();
	}

	/** A stream over a body that refuses every class the partyline's values are not made of. */
	static ObjectInputStream reading(byte[] body) throws IOException {
		ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(body));
		in.setObjectInputFilter(FILTER);
		return in;
	}

	/** Writes a body's contents. */
	@FunctionalInterface
	interface Writer {
		void writeTo(ObjectOutputStream out) throws IOException;
	}
}
