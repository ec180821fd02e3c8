package org.partyline.api;

/**
 * Thrown by a {@link Handler} that has no answer for a payload: the handler is skipped and the ask goes on.
 * <p>
 * Declining is an ordinary outcome, so this exception is cheap: it records no stack trace and is not logged.
 * {@code throw new HighAndDry()} is all a handler needs.
 */
public class HighAndDry extends PartylineException {

	private static final long serialVersionUID = 1L;

	public HighAndDry() {
		super("handler declined", null, false);
	}

	public HighAndDry(String reason) {
		super(reason, null, false);
	}
}
