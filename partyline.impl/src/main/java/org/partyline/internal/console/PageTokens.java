package org.partyline.internal.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ask form's tokens, as the console has no CSRF protection of its own: {@code ISSUED.MAC}, the MAC an
 * HMAC-SHA256 over the issue time with a secret made when the page component activates. Valid for an hour; a
 * restart of the component invalidates them all. No session is needed: the token proves the page was ours.
 */
final class PageTokens {

	static final Duration VALIDITY = Duration.ofHours(1);
	/** Clocks of one machine do not differ; this only tolerates a token read within the same millisecond. */
	private static final long FUTURE_TOLERANCE_MILLIS = 1000;
	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec secret;

	PageTokens() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		this.secret = new SecretKeySpec(key, ALGORITHM);
	}

	String issue(long nowMillis) {
		String issued = Long.toString(nowMillis);
		return issued + "." + mac(issued);
	}

	/** @return why the token is refused, or empty when it is one of ours and still valid */
	Optional<String> refusal(String token, long nowMillis) {
		if (token == null || token.isEmpty()) {
			return Optional.of("the request carries no token of the Partyline page");
		}
		int dot = token.indexOf('.');
		long issuedAt;
		try {
			issuedAt = Long.parseLong(dot > 0 ? token.substring(0, dot) : "malformed");
		} catch (NumberFormatException malformed) {
			return Optional.of("the token is malformed");
		}
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		byte[] expected = mac(token.substring(0, dot)).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(given, expected)) {
			return Optional.of("the token was not issued by this console (or the partyline restarted since)");
		}
		if (nowMillis - issuedAt > VALIDITY.toMillis() || issuedAt - nowMillis > FUTURE_TOLERANCE_MILLIS) {
			return Optional.of("the token has expired");
		}
		return Optional.empty();
	}

	private String mac(String issued) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(secret);
			return Base64.getUrlEncoder().withoutPadding()
					.encodeToString(mac.doFinal(issued.getBytes(StandardCharsets.US_ASCII)));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(ALGORITHM + " is missing from this JVM", e);
		}
	}
}
