package org.partyline.internal.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandUsageTest {

	@Test
	void askShowsItsDescriptionSyntaxArgumentsAndEveryOptionWithItsDescription() {
		String usage = CommandUsage.of("partyline", PartylineCommands.class, "ask");

		assertTrue(usage.startsWith("DESCRIPTION\n        partyline:ask\n\n\task every handler of a service name"),
				usage);
		assertTrue(usage.contains("SYNTAX\n        partyline:ask [options] service-name [payload]\n"), usage);
		assertTrue(usage.contains("        service-name\n                the service name\n"), usage);
		assertTrue(usage.contains("        payload\n                the payload, a string\n"), usage);
		for (String option : new String[] { "-d, --deadline", "-n, --times", "-t, --threads", "-a, --as", "--help" }) {
			assertTrue(usage.contains("        " + option + "\n                "), option + " in:\n" + usage);
		}
		assertTrue(usage.contains("ask asynchronously, waiting at most this many milliseconds"), usage);
	}

	@Test
	void aCommandWithoutArgumentsShowsNoArgumentsSection() {
		String usage = CommandUsage.of("partyline", PartylineCommands.class, "participants");

		assertTrue(usage.contains("\tshow every whiteboard servlet the partyline has seen"), usage);
		assertTrue(usage.contains("SYNTAX\n        partyline:participants [options]\n"), usage);
		assertFalse(usage.contains("ARGUMENTS"), usage);
		assertTrue(usage.contains("        --help\n                show this help\n"), usage);
	}

	@Test
	void anUnknownFunctionIsAClearError() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> CommandUsage.of("partyline", PartylineCommands.class, "dance"));
		assertTrue(e.getMessage().contains("no command dance"), e.getMessage());
	}
}
