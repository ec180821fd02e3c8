package org.partyline.internal.invite;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.partyline.api.Invitation;

/**
 * What became of an invitation and why: one of {@link Invitation}'s outcomes with its reason (empty when it joined).
 *
 * @param outcome {@link Invitation#JOINED}, {@link Invitation#DECLINED} or {@link Invitation#FAILED}
 */
record InvitationOutcome(String outcome, String reason) {

	static InvitationOutcome declined(String reason) {
		return new InvitationOutcome(Invitation.DECLINED, reason);
	}

	static InvitationOutcome failed(String reason) {
		return new InvitationOutcome(Invitation.FAILED, reason);
	}

	/**
	 * Classifies a sent invitation: no answer or 5xx failed; 4xx, or an answer without a handler connected, declined;
	 * otherwise joined.
	 *
	 * @param status the status the servlet answered, {@code null} when there was a failure instead
	 * @param failure why the exchange did not complete, or {@code null}
	 * @param connected whether the servlet connected a handler while handling its invitation
	 */
	static InvitationOutcome of(Integer status, Throwable failure, boolean connected) {
		if (failure != null) {
			return failed(describe(failure));
		}
		if (status >= 500) {
			return failed("answered " + status);
		}
		if (status >= 400) {
			return declined("answered " + status);
		}
		if (!connected) {
			return declined("answered " + status + " without connecting a handler");
		}
		return new InvitationOutcome(Invitation.JOINED, "");
	}

	private static String describe(Throwable failure) {
		Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
				: failure;
		if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
			return "no answer in time";
		}
		return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
	}
}
