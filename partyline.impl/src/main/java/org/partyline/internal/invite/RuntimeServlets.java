package org.partyline.internal.invite;

import java.util.Arrays;
import java.util.List;

/**
 * What the two whiteboard flavours' DTO readers ({@link JakartaRuntimeServlets}, {@link JavaxRuntimeServlets})
 * share. The DTO families have the same shape in different packages; each reader is a class of its own, so it is
 * loaded only when a runtime of its flavour is there, and the impl runs where only one flavour, or none, exists.
 */
final class RuntimeServlets {

	private RuntimeServlets() {
	}

	static List<String> patterns(String[] patterns) {
		return patterns == null ? List.of() : Arrays.asList(patterns);
	}

	/** The root context is reported as "/" or ""; routes are appended to it, so it must not end in a slash. */
	static String contextPath(String contextPath) {
		if (contextPath == null || contextPath.equals("/")) {
			return "";
		}
		return contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
	}
}
