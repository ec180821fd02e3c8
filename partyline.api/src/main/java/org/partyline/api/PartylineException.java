package org.partyline.api;

/**
 * Base class of every exception the partyline raises.
 */
public class PartylineException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public PartylineException(String message) {
		super(message);
	}

	public PartylineException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * For subclasses that are thrown often and need no stack trace.
	 */
	protected PartylineException(String message, Throwable cause, boolean writableStackTrace) {
		super(message, cause, false, writableStackTrace);
	}
}
