package org.partyline.internal.invite;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;

/**
 * Picks the address to send invitations to from a runtime's {@code osgi.http.endpoint} property: its http endpoint
 * (https only if there is no other), with a wildcard host replaced by loopback, so invitations never leave the machine
 * when the runtime listens everywhere.
 */
final class Endpoints {

	private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "*", "[0:0:0:0:0:0:0:0]");

	private Endpoints() {
	}

	/** @return scheme, host and port to reach the runtime, or {@code null} if it publishes no usable endpoint */
	static URI reachable(Object property) {
		URI https = null;
		for (String candidate : PropertyValues.strings(property)) {
			URI uri = parse(candidate);
			if (uri == null) {
				continue;
			}
			if ("http".equals(uri.getScheme())) {
				return uri;
			}
			if ("https".equals(uri.getScheme()) && https == null) {
				https = uri;
			}
		}
		return https;
	}

	private static URI parse(String endpoint) {
		try {
			URI uri = new URI(endpoint.trim());
			if (uri.getHost() == null || uri.getPort() < 0) {
				return null;
			}
			String host = WILDCARDS.contains(uri.getHost()) ? "127.0.0.1" : uri.getHost();
			return new URI(uri.getScheme(), null, host, uri.getPort(), null, null, null);
		} catch (URISyntaxException e) {
			return null;
		}
	}
}
