package org.partyline.api;

/**
 * Thrown by a {@link Handler} that has no answer for a payload: the handler is skipped and the ask goes on.
 * <p>
 * Declining is an ordinary outcome, so this exception is cheap: it records no stack trace and is not logged.
 * {@code throw new HighAndDry()} is all a handler needs; on a hot path, {@code throw HighAndDry.decline()} also saves
 * the allocation.
 */
public class HighAndDry extends PartylineException {

	private static final long serialVersionUID = 1L;

	/** Shareable: it has no stack trace, its cause cannot be set and it takes no suppressed exceptions. */
	private static final HighAndDry SHARED = new HighAndDry();

	/**
	 * A shared instance to throw: declining then allocates nothing, which makes a declining handler about as cheap as
	 * an answering one.
	 *
	 * @return the same immutable instance every time
	 */
	public static HighAndDry decline() {
		return SHARED;
	}

	public HighAndDry() {
		super("handler declined", null, false);
	}

	public HighAndDry(String reason) {
		super(reason, null, false);
	}
}
