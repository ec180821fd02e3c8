package org.partyline.internal.console;

/** What a plugin adapter sends: a status, a content type and a body, so no shared code names a servlet type. */
public record ConsoleResponse(int status, String contentType, String body) {

	static final String HTML = "text/html;charset=UTF-8";
	static final String TEXT = "text/plain;charset=UTF-8";
}
