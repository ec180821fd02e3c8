package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.PartylineConstants;
import org.partyline.itest.support.LogCapture;
import org.partyline.itest.support.ParticipantTest;
import org.partyline.itest.support.Web;

/** The configuration PID org.partyline changes behaviour at run time, without restarting anything. */
class ConfigurationTest extends ParticipantTest {

	@Test
	void ignoreMissingServicesTurnsNoSuchServiceNameIntoAnEmptyListAtRunTime() throws Exception {
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("nobody", null));

		configure("ignoreMissingServices", true);

		assertEquals(List.of(), neutral.askAround("nobody", null));
		assertEquals(Optional.empty(), neutral.askFirst("nobody", null));
	}

	@Test
	void switchingIgnoreMissingServicesOffAgainRestoresTheException() throws Exception {
		configure("ignoreMissingServices", true);
		assertEquals(List.of(), neutral.askAround("nobody", null));

		configure("ignoreMissingServices", false);

		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("nobody", null));
	}

	@Test
	void aMalformedValueMeansTheDefaultAndIsReportedAsAWarning(@InjectService LogReaderService logReader)
			throws Exception {
		configure("ignoreMissingServices", true);
		assertEquals(List.of(), neutral.askAround("nobody", null));

		try (LogCapture log = new LogCapture(logReader)) {
			configure("ignoreMissingServices", "perhaps");

			assertThrows(NoSuchServiceName.class, () -> neutral.askAround("nobody", null));
			LogEntry warning = log.await(e -> e.getLogLevel() == LogLevel.WARN
					&& e.getMessage().contains("ignoreMissingServices") && e.getMessage().contains("perhaps"));
			assertEquals(implBundle(), warning.getBundle());
		}
	}

	@Test
	void aMalformedInviteTimeoutIsReportedAndInvitationsStillWork(@InjectService LogReaderService logReader,
			@InjectService Invitations invitations) throws Exception {
		try (LogCapture log = new LogCapture(logReader)) {
			configure("inviteTimeoutMillis", "soon");

			log.await(e -> e.getLogLevel() == LogLevel.WARN && e.getMessage().contains("inviteTimeoutMillis=soon"));
		}
		participants.install("shop");

		assertEquals(Invitation.JOINED, new Web(context, invitations).ended("partyline.tb.shop").outcome());
	}

	@Test
	void metatypeDescribesEverySetting(@InjectService MetaTypeService metaType) {
		ObjectClassDefinition ocd = metaType.getMetaTypeInformation(implBundle())
				.getObjectClassDefinition(PartylineConstants.CONFIGURATION_PID, null);

		Set<String> attributes = Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
				.map(AttributeDefinition::getID)
				.collect(Collectors.toSet());
		assertEquals(Set.of("ignoreMissingServices", "isolateFailures", "inviteTimeoutMillis", "asyncThreads",
				"asyncCallsPerHandler"), attributes);
	}
}
