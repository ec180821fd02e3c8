package org.partyline.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectBundleInstaller;
import org.osgi.test.common.install.BundleInstaller;
import org.osgi.test.common.annotation.InjectService;
import org.partyline.api.Invitation;
import org.partyline.api.Invitations;
import org.partyline.api.NoSuchServiceName;
import org.partyline.api.Partyline;
import org.partyline.api.PartylineConstants;
import org.partyline.itest.support.LogCapture;
import org.partyline.itest.support.Participants;
import org.partyline.itest.support.Web;
import org.partyline.itest.support.PartylineConfig;

/** The configuration PID org.partyline changes behaviour at run time, without restarting anything. */
class ConfigurationTest {

	@InjectBundleContext
	BundleContext context;

	@InjectService
	Partyline neutral;

	@InjectService
	ConfigurationAdmin configurationAdmin;

	PartylineConfig config;

	@BeforeEach
	void setUp() throws Exception {
		config = new PartylineConfig(configurationAdmin);
	}

	@AfterEach
	void tearDown() throws Exception {
		config.close();
		await().atMost(Participants.PATIENCE).untilAsserted(
				() -> assertThrows(NoSuchServiceName.class, () -> neutral.askAround("nobody", null)));
	}

	@Test
	void ignoreMissingServicesTurnsNoSuchServiceNameIntoAnEmptyListAtRunTime() throws Exception {
		assertThrows(NoSuchServiceName.class, () -> neutral.askAround("nobody", null));

		config.set("ignoreMissingServices", true);

		await().atMost(Participants.PATIENCE).until(() -> neutral.askAround("nobody", null).isEmpty());
		assertEquals(List.of(), neutral.askAround("nobody", null));
		assertEquals(java.util.Optional.empty(), neutral.askFirst("nobody", null));
	}

	@Test
	void switchingIgnoreMissingServicesOffAgainRestoresTheException() throws Exception {
		config.set("ignoreMissingServices", true);
		await().atMost(Participants.PATIENCE).until(() -> neutral.askAround("nobody", null).isEmpty());

		config.set("ignoreMissingServices", false);

		await().atMost(Participants.PATIENCE).untilAsserted(
				() -> assertThrows(NoSuchServiceName.class, () -> neutral.askAround("nobody", null)));
	}

	@Test
	void aMalformedValueMeansTheDefaultAndIsReportedAsAWarning(@InjectService LogReaderService logReader)
			throws Exception {
		config.set("ignoreMissingServices", true);
		await().atMost(Participants.PATIENCE).until(() -> neutral.askAround("nobody", null).isEmpty());

		try (LogCapture log = new LogCapture(logReader)) {
			config.set("ignoreMissingServices", "perhaps");

			await().atMost(Participants.PATIENCE).untilAsserted(
					() -> assertThrows(NoSuchServiceName.class, () -> neutral.askAround("nobody", null)));
			LogEntry warning = log.await(e -> e.getLogLevel() == LogLevel.WARN
					&& e.getMessage().contains("ignoreMissingServices") && e.getMessage().contains("perhaps"));
			assertEquals("partyline.impl", warning.getBundle().getSymbolicName());
		}
	}

	@Test
	void aMalformedInviteTimeoutIsReportedAndInvitationsStillWork(@InjectService LogReaderService logReader,
			@InjectService Invitations invitations, @InjectBundleInstaller BundleInstaller installer) throws Exception {
		try (LogCapture log = new LogCapture(logReader)) {
			config.set("inviteTimeoutMillis", "soon");

			log.await(e -> e.getLogLevel() == LogLevel.WARN && e.getMessage().contains("inviteTimeoutMillis=soon"));
		}
		new Participants(installer, context).install("shop");

		assertEquals(Invitation.JOINED, new Web(context, invitations).ended("partyline.tb.shop").outcome());
	}

	@Test
	void metatypeDescribesEverySetting(@InjectService MetaTypeService metaType) {
		Bundle impl = Arrays.stream(context.getBundles())
				.filter(b -> "partyline.impl".equals(b.getSymbolicName()))
				.findFirst()
				.orElseThrow();

		ObjectClassDefinition ocd = metaType.getMetaTypeInformation(impl)
				.getObjectClassDefinition(PartylineConstants.CONFIGURATION_PID, null);

		Set<String> attributes = Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
				.map(AttributeDefinition::getID)
				.collect(Collectors.toSet());
		assertEquals(Set.of("ignoreMissingServices", "isolateFailures", "inviteTimeoutMillis"), attributes);
	}
}
