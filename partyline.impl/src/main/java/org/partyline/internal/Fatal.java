package org.partyline.internal;

/** The failures of a handler that the partyline never keeps as its reply nor hides: the JVM's own. */
public final class Fatal {

	private Fatal() {
	}

	/**
	 * Rethrows an error of the JVM itself (out of memory, an internal error); a {@code StackOverflowError} is the
	 * handler's own failure, as its caller's stack is intact once it unwound.
	 */
	public static void rethrowIfFatal(Throwable failure) {
		if (failure instanceof VirtualMachineError error && !(failure instanceof StackOverflowError)) {
			throw error;
		}
	}
}
