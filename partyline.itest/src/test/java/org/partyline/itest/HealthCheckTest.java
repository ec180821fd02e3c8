package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionOptions;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.api.Partyline;
import org.partyline.itest.support.NodeUnderTest;
import org.partyline.itest.support.Participants;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.ScriptedServlet;
import org.partyline.itest.support.Web;

/** The partyline's health check, run by the Felix Health Check executor by its tag, as an operator's tools do. */
class HealthCheckTest extends ParticipantTest {

	@InjectService
	HealthCheckExecutor executor;

	@InjectService
	Invitations invitations;

	@InjectService
	ServiceComponentRuntime scr;

	@Test
	void isOkWithParticipantsThatJoinedAndCountsThemAndTheirHandlers() {
		participants.install("shop");
		participants.install("even");
		participants.awaitHandlers("number", 1);
		assertEquals(Invitation.JOINED, new Web(context, invitations).ended("partyline.tb.shop").outcome());

		Result result = partylineCheck();

		assertEquals(Result.Status.OK, result.getStatus(), messages(result));
		assertTrue(messages(result).contains("servlets invited, 1 joined, 0 failed"), messages(result));
		assertTrue(messages(result).matches("(?s).*Handlers: [1-9]\\d* connected under [1-9]\\d* service names.*"),
				messages(result));
	}

	@Test
	void warnsWhenAConfiguredNodeDoesNotRunSayingWhy() throws Exception {
		// a node configured with a secret too short refuses to run
		try (NodeUnderTest node = new NodeUnderTest(context)) {
			node.configure(List.of(), "secret", "too short");

			Result result = await("the node's warning").atMost(Participants.PATIENCE).until(this::partylineCheck,
					r -> r.getStatus() == Result.Status.WARN);

			assertTrue(messages(result).contains("The partyline node " + NodeUnderTest.NAME
					+ " does not run: no secret"), messages(result));
		}
		await("the node gone").atMost(Participants.PATIENCE).until(this::partylineCheck,
				r -> r.getStatus() == Result.Status.OK);
	}

	@Test
	void warnsNamingEachServletWhoseInvitationFailed() {
		Web web = new Web(context, invitations);
		Bundle alice = participants.install("alice");
		Invitation broken = web.ended(web.register(alice, "/broken/*",
				new ScriptedServlet((partyline, response) -> response.sendError(500)),
				"osgi.http.whiteboard.servlet.name", "broken-on-purpose"));
		assertEquals(Invitation.FAILED, broken.outcome());

		Result result = partylineCheck();

		assertEquals(Result.Status.WARN, result.getStatus(), messages(result));
		String warning = entries(result).stream().filter(e -> e.getStatus() == Result.Status.WARN)
				.map(ResultLog.Entry::getMessage).findFirst().orElseThrow();
		assertTrue(warning.contains("broken-on-purpose") && warning.contains("partyline.tb.alice")
				&& warning.contains("answered 500"), warning);
	}

	@Test
	void isCriticalWhileNoBundleCanGetAPartyline() throws Exception {
		ComponentDescriptionDTO partylineComponent = scr.getComponentDescriptionDTO(implBundle(),
				"org.partyline.internal.participant.BundlePartyline");
		scr.disableComponent(partylineComponent).getValue();
		try {
			await("the Partyline service gone").atMost(Participants.PATIENCE)
					.until(() -> context.getServiceReference(Partyline.class) == null);

			Result result = partylineCheck();

			assertEquals(Result.Status.CRITICAL, result.getStatus(), messages(result));
			assertTrue(messages(result).contains("no Partyline service is registered"), messages(result));
		} finally {
			scr.enableComponent(partylineComponent).getValue();
			await("the Partyline service back").atMost(Participants.PATIENCE)
					.until(() -> context.getServiceReference(Partyline.class) != null);
		}
		assertEquals(Result.Status.OK, partylineCheck().getStatus(), messages(partylineCheck()));
	}

	/** Runs the checks tagged {@code partyline} now, past the executor's result cache; there must be just ours. */
	private Result partylineCheck() {
		List<HealthCheckExecutionResult> results = executor.execute(HealthCheckSelector.tags("partyline"),
				new HealthCheckExecutionOptions().setForceInstantExecution(true));
		assertEquals(1, results.size(), results.toString());
		assertEquals("Partyline", results.get(0).getHealthCheckMetadata().getName());
		return results.get(0).getHealthCheckResult();
	}

	private static List<ResultLog.Entry> entries(Result result) {
		return StreamSupport.stream(result.spliterator(), false).collect(Collectors.toList());
	}

	private static String messages(Result result) {
		return entries(result).stream().map(e -> e.getStatus() + " " + e.getMessage())
				.collect(Collectors.joining("\n"));
	}
}
