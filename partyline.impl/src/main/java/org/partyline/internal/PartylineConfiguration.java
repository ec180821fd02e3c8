package org.partyline.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.partyline.api.PartylineConstants;

/**
 * The configuration of PID {@value PartylineConstants#CONFIGURATION_PID}, read from Configuration Admin and changed
 * at run time without restarting anything.
 */
@ObjectClassDefinition(id = PartylineConstants.CONFIGURATION_PID, name = "Partyline",
		description = "How asks on the partyline treat missing service names and failing handlers.")
public @interface PartylineConfiguration {

	/** The invite timeout's default, also used in place of a malformed value. */
	int DEFAULT_INVITE_TIMEOUT_MILLIS = 5000;

	@AttributeDefinition(name = "Ignore missing services",
			description = "When true, asking a service name that no handler answers returns an empty list "
					+ "instead of raising NoSuchServiceName.")
	boolean ignoreMissingServices() default false;

	@AttributeDefinition(name = "Isolate failures",
			description = "When true, a handler that throws (anything but HighAndDry) is logged with its bundle "
					+ "and skipped; when false, the ask raises HandlerFailed.")
	boolean isolateFailures() default false;

	@AttributeDefinition(name = "Invite timeout (ms)", min = "1",
			description = "How long an invited servlet may take to answer its invitation before it is recorded "
					+ "as failed. Each servlet is invited independently, so a slow one never delays another. "
					+ "Requests to a servlet wait for its invitation's answer at most this long.")
	int inviteTimeoutMillis() default DEFAULT_INVITE_TIMEOUT_MILLIS;
}
