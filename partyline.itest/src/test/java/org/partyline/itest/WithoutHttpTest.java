package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Invitations;
import org.partyline.itest.support.ParticipantTest;

/**
 * The partyline in a framework with no HTTP runtime and no servlet API at all ({@code without-http.bndrun}; the
 * main run skips this class): bundles that never serve HTTP join with Declarative Services alone, and need nothing
 * of the web. The same holds where only one servlet flavour is installed (Karaf with Pax Web has only javax): the
 * impl imports each flavour's APIs optionally.
 */
class WithoutHttpTest extends ParticipantTest {

	@Test
	void declarativeServicesParticipantsAnswerEachOtherWithNoServletApiInstalled(
			@InjectService Invitations invitations, @InjectService LogReaderService logReader) {
		assumeRunningIn("itest-without-http");
		assertTrue(Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName)
				.noneMatch(name -> name.contains("servlet") || name.contains("http")),
				"this framework has neither a servlet API nor an HTTP runtime");

		assertTheSeedsDocumentationExampleAnswers();
		assertEquals(List.of(), invitations.list(), "nothing to invite");
		List<String> errors = Collections.list(logReader.getLog()).stream()
				.filter(e -> LogLevel.WARN.implies(e.getLogLevel()) && e.getBundle() != null
						&& e.getBundle().getSymbolicName().startsWith("partyline"))
				.map(LogEntry::getMessage)
				.toList();
		assertEquals(List.of(), errors, "warnings or errors about the partyline bundles");
	}
}
