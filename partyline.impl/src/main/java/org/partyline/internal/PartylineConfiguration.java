package org.partyline.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.partyline.api.PartylineConstants;

/**
 * The configuration of PID {@value PartylineConstants#CONFIGURATION_PID}, read from Configuration Admin and changed
 * at run time without restarting anything.
 */
@ObjectClassDefinition(id = PartylineConstants.CONFIGURATION_PID, name = "Partyline",
		description = "How asks on the partyline treat missing service names, failing and slow handlers, and "
				+ "how long invitations may take.")
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

	/** Defaults of the asynchronous asks' pool, also used in place of malformed values. */
	int DEFAULT_ASYNC_THREADS = 16;
	int DEFAULT_ASYNC_CALLS_PER_HANDLER = 2;

	@AttributeDefinition(name = "Threads for asynchronous asks", min = "1",
			description = "How many handlers askAroundAsync may call at once, on the partyline's own threads "
					+ "(named partyline-ask-N; they end when idle).")
	int asyncThreads() default DEFAULT_ASYNC_THREADS;

	@AttributeDefinition(name = "Calls per handler", min = "1",
			description = "How many calls of one handler asynchronous asks may have under way at once; beyond it "
					+ "the handler is late at once, so one that hangs cannot take every thread.")
	int asyncCallsPerHandler() default DEFAULT_ASYNC_CALLS_PER_HANDLER;
}
