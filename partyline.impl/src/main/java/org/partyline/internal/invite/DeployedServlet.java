package org.partyline.internal.invite;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * A servlet as a whiteboard runtime reports it deployed, with the runtime's endpoint to reach it through. Each
 * flavour's DTOs are read by a class of its own ({@link JakartaRuntimeServlets}, {@link JavaxRuntimeServlets}), so
 * that reader is loaded only when a runtime of its flavour is there; both build their servlets with {@link #of}.
 *
 * @param contextPath the path of its servlet context, empty for the root
 * @param endpoint scheme, host and port of the runtime, on loopback where the runtime listens on every address
 */
record DeployedServlet(long serviceId, String name, List<String> patterns, String contextName, String contextPath,
		URI endpoint) {

	/** From the DTO fields, which both flavours share: {@code null} patterns are none, the root context is "". */
	static DeployedServlet of(long serviceId, String name, String[] patterns, String contextName, String contextPath,
			URI endpoint) {
		return new DeployedServlet(serviceId, name, patterns == null ? List.of() : Arrays.asList(patterns),
				contextName, withoutTrailingSlash(contextPath), endpoint);
	}

	/** The root context is reported as "/" or ""; routes are appended to it, so it must not end in a slash. */
	static String withoutTrailingSlash(String contextPath) {
		if (contextPath == null || contextPath.equals("/")) {
			return "";
		}
		return contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
	}
}
