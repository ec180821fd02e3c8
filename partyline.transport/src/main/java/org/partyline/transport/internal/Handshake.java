package org.partyline.transport.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Both ends prove they hold the shared secret before anything else crosses: the listening node sends a greeting and a
 * random challenge; the calling node answers with its own challenge and its proof (an HMAC of both challenges); the
 * listening node checks it, and only then proves itself in turn. A caller that cannot prove it is cut off having sent
 * 64 bytes that were compared, never deserialised. Fresh challenges on both sides make every proof good for one
 * connection only.
 */
final class Handshake {

	/** Names the protocol and its version, so that a stranger on the port is told apart at once. */
	static final byte[] GREETING = { 'P', 'L', 'T', '1' };
	private static final byte CALLER = 'c';
	private static final byte LISTENER = 'l';
	private static final SecureRandom RANDOM = new SecureRandom();

	private Handshake() {
	}

	/** The listening side; returns normally only when the caller proved it holds the secret. */
	static void asListener(DataInputStream in, DataOutputStream out, SharedSecret secret) throws IOException {
		byte[] challenge = challenge();
		out.write(GREETING);
		out.write(challenge);
		out.flush();
		byte[] callers = new byte[SharedSecret.PROOF_BYTES];
		byte[] proof = new byte[SharedSecret.PROOF_BYTES];
		in.readFully(callers);
		in.readFully(proof);
		if (!secret.proves(proof, CALLER, challenge, callers)) {
			throw new RefusedPeer("the caller did not prove it holds the partyline's secret");
		}
		out.write(secret.proof(LISTENER, callers, challenge));
		out.flush();
	}

	/** The calling side; returns normally only when the listener proved it holds the secret. */
	static void asCaller(DataInputStream in, DataOutputStream out, SharedSecret secret) throws IOException {
		byte[] greeting = new byte[GREETING.length];
		byte[] listeners = new byte[SharedSecret.PROOF_BYTES];
		in.readFully(greeting);
		if (!Arrays.equals(greeting, GREETING)) {
			throw new RefusedPeer("the port does not speak the partyline's transport");
		}
		in.readFully(listeners);
		byte[] challenge = challenge();
		out.write(challenge);
		out.write(secret.proof(CALLER, listeners, challenge));
		out.flush();
		byte[] proof = new byte[SharedSecret.PROOF_BYTES];
		try {
			in.readFully(proof);
		} catch (java.io.EOFException | java.net.SocketException | SocketTimeoutException refused) {
			throw new RefusedPeer("the peer refused this node: is the secret the same on both?");
		}
		if (!secret.proves(proof, LISTENER, challenge, listeners)) {
			throw new RefusedPeer("the peer did not prove it holds the partyline's secret");
		}
	}

	private static byte[] challenge() {
		byte[] challenge = new byte[SharedSecret.PROOF_BYTES];
		RANDOM.nextBytes(challenge);
		return challenge;
	}

	/** The other end does not belong to this partyline. */
	static final class RefusedPeer extends IOException {

		private static final long serialVersionUID = 1L;

		RefusedPeer(String why) {
			super(why);
		}
	}
}
