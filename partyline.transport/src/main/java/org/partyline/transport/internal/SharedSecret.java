package org.partyline.transport.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The secret the nodes of one partyline share: it signs the challenges of the {@link Handshake}, never sent itself. */
final class SharedSecret {

	/** Shorter secrets are refused: a guessable secret would let anyone who reaches the port in. */
	static final int MINIMUM_LENGTH = 16;
	static final int PROOF_BYTES = 32;
	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	SharedSecret(String secret) {
		if (secret == null || secret.strip().length() < MINIMUM_LENGTH) {
			throw new IllegalArgumentException("the node's secret must have " + MINIMUM_LENGTH
					+ " characters or more, the same on every node");
		}
		this.key = new SecretKeySpec(secret.strip().getBytes(UTF_8), ALGORITHM);
	}

	/** The proof of holding the secret for these parts, in this order. */
	byte[] proof(byte role, byte[] first, byte[] second) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			mac.update(role);
			mac.update(first);
			return mac.doFinal(second);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
		}
	}

	/** Compares in constant time, so that the time taken tells nothing of where a forged proof differs. */
	boolean proves(byte[] given, byte role, byte[] first, byte[] second) {
		return MessageDigest.isEqual(given, proof(role, first, second));
	}
}
