package org.partyline.launcher.gate;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The configuration of PID {@value StartGate#PID}. */
@ObjectClassDefinition(id = StartGate.PID, name = "Partyline launcher: start gate",
		description = "Holds every request until the launcher has started everything and the partyline has "
				+ "answered every invitation, so the first response after a start is a complete one.")
@interface GateConfiguration {

	@AttributeDefinition(name = "Hold limit (ms)", min = "1",
			description = "The longest one request is held; then it goes on, ready or not, so a start that never "
					+ "completes cannot hang requests.")
	int holdLimitMillis() default 20_000;

	@AttributeDefinition(name = "Requests held at most", min = "1",
			description = "How many requests may wait at once; more are answered 503, so held requests never "
					+ "take every thread of the HTTP runtime, which the invitations need too.")
	int heldAtMost() default 32;
}
