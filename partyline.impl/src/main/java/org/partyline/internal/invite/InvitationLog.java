package org.partyline.internal.invite;

import org.osgi.service.log.Logger;
import org.partyline.api.Invitation;

/**
 * Logs the outcome of each invitation sent: joined at INFO, failed at WARN, declined at DEBUG (most servlets know
 * nothing of the partyline, and saying so for each would be noise). While the partyline stops, everything is DEBUG.
 */
final class InvitationLog {

	private final Logger logger;

	InvitationLog(Logger logger) {
		this.logger = logger;
	}

	void outcome(InvitationRecord record, boolean partylineStopping) {
		String what = "Servlet " + record.servletName() + " of " + record.bundleSymbolicName() + " ["
				+ record.bundleId() + "] at " + record.route() + " " + record.outcome()
				+ (record.reason().isEmpty() ? "" : " (" + record.reason() + ")") + " in "
				+ record.duration().toMillis() + " ms"
				+ (record.handlerNames().isEmpty() ? "" : ", connected " + record.handlerNames());
		if (partylineStopping) {
			logger.debug(what);
			return;
		}
		switch (record.outcome()) {
			case Invitation.JOINED -> logger.info(what);
			case Invitation.FAILED -> logger.warn(what);
			default -> logger.debug(what);
		}
	}
}
