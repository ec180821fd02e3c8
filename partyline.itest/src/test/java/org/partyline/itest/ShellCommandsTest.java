package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.HighAndDry;
import org.partyline.api.Invitations;
import org.partyline.api.Partyline;
import org.partyline.itest.support.Hanging;
import org.partyline.itest.support.Participants;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.ShellCommands;
import org.partyline.itest.support.Web;

/** The Gogo commands, called the way Gogo calls them ({@link ShellCommands}). */
class ShellCommandsTest extends ParticipantTest {

	@InjectService
	Invitations invitations;

	@Test
	void theCommandsAreRegisteredForGogo() {
		Object functions = new ShellCommands(context).reference().getProperty("osgi.command.function");
		assertEquals(List.of("participants", "services", "ask", "scans", "nodes"), Arrays.asList((String[]) functions));
	}

	@Test
	void participantsListsEachInvitedServletWithItsOutcomeAndHandlers() throws Exception {
		participants.install("shop");
		participants.install("unaware");
		Web web = new Web(context, invitations);
		web.ended("partyline.tb.shop");
		web.ended("partyline.tb.unaware");

		String output = call("participants");

		String shopLine = line(output, "partyline.tb.shop");
		assertTrue(shopLine.contains("/shop/*") && shopLine.contains("joined") && shopLine.contains("url"), shopLine);
		assertTrue(line(output, "partyline.tb.unaware").contains("declined"), output);
	}

	@Test
	void servicesListsHandlersInPrecedenceOrderWithOwnerAndRanking() throws Exception {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		alice.connect("menu", payload -> "a", 1);
		bob.connect("menu", payload -> "b", 9);

		String output = call("services");

		int bobAt = output.indexOf("partyline.tb.bob");
		int aliceAt = output.indexOf("partyline.tb.alice");
		assertTrue(bobAt > 0 && aliceAt > bobAt, output);
		assertTrue(line(output, "partyline.tb.bob").contains(" 9 "), output);
	}

	@Test
	void askShowsEveryHandlersAnswerWithItsBundle() throws Exception {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		alice.connect("greet", payload -> "hello " + payload);
		bob.connect("greet", payload -> {
			throw new HighAndDry();
		});

		String output = call("ask", NO_DEADLINE, ONCE, ONE_THREAD, AS_NOBODY, "greet", "world");

		assertTrue(line(output, "partyline.tb.alice").contains("answered") && line(output, "partyline.tb.alice")
				.contains("hello world"), output);
		assertTrue(line(output, "partyline.tb.bob").contains("declined"), output);
		assertTrue(call("ask", NO_DEADLINE, ONCE, ONE_THREAD, AS_NOBODY, "nobody", "x")
				.contains("No handler is connected for service name \"nobody\""));
	}

	@Test
	void askWithADeadlineShowsWhoWasLate() throws Exception {
		Partyline alice = participants.join("alice");
		Partyline bob = participants.join("bob");
		Hanging slow = new Hanging("slow");
		try {
			alice.connect("slow", slow);
			bob.connect("slow", payload -> "quick " + payload);

			String output = call("ask", "200", ONCE, ONE_THREAD, AS_NOBODY, "slow", "hello");

			assertTrue(line(output, "partyline.tb.alice").contains("late"), output);
			assertTrue(line(output, "partyline.tb.bob").contains("answered")
					&& line(output, "partyline.tb.bob").contains("quick hello"), output);
		} finally {
			slow.release();
		}
	}

	@Test
	void askedSeveralTimesItShowsHowLongTheAsksTookInsteadOfTheReplies() throws Exception {
		participants.join("alice").connect("greet", payload -> "hello " + payload);

		String output = call("ask", NO_DEADLINE, "40", "4", AS_NOBODY, "greet", "world");

		assertTrue(output.matches("asked 40 times on 4 threads: median \\d+ us, p99 \\d+ us, \\d+ asks/s"), output);
		assertTrue(call("ask", NO_DEADLINE, "2", "3", AS_NOBODY, "greet", "world").contains("no more threads than times"));
	}

	@Test
	void askedAsABundleItLeavesThatBundlesOwnHandlersOut() throws Exception {
		Bundle aliceBundle = participants.install("alice");
		Participants.partylineOf(aliceBundle).connect("greet", payload -> "alice");
		participants.join("bob").connect("greet", payload -> "bob");
		String alice = String.valueOf(aliceBundle.getBundleId());

		String output = call("ask", NO_DEADLINE, ONCE, ONE_THREAD, alice, "greet", "x");

		assertTrue(output.contains("partyline.tb.bob") && !output.contains("partyline.tb.alice"), output);
		assertTrue(call("ask", NO_DEADLINE, ONCE, ONE_THREAD, "99999", "greet", "x")
				.contains("No bundle has the id 99999"));
	}

	@Test
	void nodesSaysWhenThisFrameworkIsNoNode() throws Exception {
		assertTrue(call("nodes").contains("This framework is no partyline node: configure org.partyline.node"),
				call("nodes"));
	}

	/** The values Gogo gives the options of ask when they are not given. */
	private static final String NO_DEADLINE = "0";
	private static final String ONCE = "1";
	private static final String ONE_THREAD = "1";
	private static final String AS_NOBODY = "-1";

	private String call(String function, String... arguments) throws Exception {
		return new ShellCommands(context).call(function, arguments);
	}

	private static String line(String output, String containing) {
		return output.lines().filter(l -> l.contains(containing)).findFirst().orElse("(no line with " + containing + ")");
	}
}
