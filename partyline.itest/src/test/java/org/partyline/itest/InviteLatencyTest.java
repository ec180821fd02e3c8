package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Invitations;
import org.partyline.api.NoSuchServiceName;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Participants;
import org.partyline.itest.support.ScriptedServlet;
import org.partyline.itest.support.Web;

import jakarta.servlet.Servlet;

/**
 * From a servlet's registration to its handler answering: measured 20 times, the median printed. Not asserted: on a
 * loaded machine any bound is either loose enough to say nothing or tight enough to fail for the machine.
 */
class InviteLatencyTest extends ParticipantTest {

	private static final int RUNS = 20;

	@InjectService
	Invitations invitations;

	@Test
	void aServletRegisteredTwentyTimesJoinsAndLeavesEachTime() {
		Bundle alice = participants.install("alice");
		Web web = new Web(context, invitations);
		List<Long> micros = new ArrayList<>();
		for (int run = 0; run < RUNS; run++) {
			long started = System.nanoTime();
			ServiceRegistration<Servlet> servlet = web.register(alice, "/latency/*",
					ScriptedServlet.joining("latency", run));
			await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Participants.PATIENCE)
					.until(() -> answers());
			micros.add((System.nanoTime() - started) / 1000);
			servlet.unregister();
			await().pollInterval(Duration.ofMillis(1)).atMost(Participants.PATIENCE).until(() -> !answers());
		}
		Collections.sort(micros);
		long median = (micros.get(RUNS / 2 - 1) + micros.get(RUNS / 2)) / 2;
		System.out.printf("invite latency (servlet registered -> its handler answers): median %.1f ms, min %.1f ms,"
				+ " max %.1f ms over %d runs%n", median / 1000.0, micros.get(0) / 1000.0, micros.get(RUNS - 1) / 1000.0,
				RUNS);
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("latency", null));
	}

	private boolean answers() {
		try {
			return !neutral.askAround("latency", null).isEmpty();
		} catch (NoSuchServiceName notYet) {
			return false;
		}
	}
}
