package org.partyline.transport.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ProtocolException;

/**
 * One message on a connection: its length, the call it belongs to, its kind, and its body. Many calls share a
 * connection, so answers come back in any order, each finding its call by id.
 */
record Frame(long call, byte kind, byte[] body) {

	static final byte CALL = 1;
	static final byte ANSWER = 2;
	static final byte FAILURE = 3;

	/** The longest body a frame may have: 8 MB, far beyond any ask's payload or answers. */
	static final int MAX_BODY = 8_000_000;
	private static final int HEADER = Long.BYTES + 1;

	/** Reads the next frame; a length out of bounds ends the connection (the stream cannot be trusted after it). */
	static Frame read(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < HEADER || length > MAX_BODY + HEADER) {
			throw new ProtocolException("a frame of " + length + " bytes");
		}
		long call = in.readLong();
		byte kind = in.readByte();
		byte[] body = new byte[length - HEADER];
		in.readFully(body);
		return new Frame(call, kind, body);
	}

	/** Writes and flushes this frame; callers hold the stream's lock, as frames of several calls interleave. */
	void writeTo(DataOutputStream out) throws IOException {
		out.writeInt(HEADER + body.length);
		out.writeLong(call);
		out.writeByte(kind);
		out.write(body);
		out.flush();
	}
}
