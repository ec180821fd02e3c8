package org.partyline.itest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectBundleInstaller;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.install.BundleInstaller;
import org.partyline.api.Partyline;

/**
 * What every test starts from: the test bundle's context, an installer for embedded participant bundles (removed
 * after each test), the test bundle's own {@link Partyline} (a neutral caller since it owns no handlers), the
 * partyline's configuration and its implementation bundle.
 */
public abstract class ParticipantTest {

	@InjectBundleInstaller
	protected BundleInstaller installer;

	@InjectBundleContext
	protected BundleContext context;

	@InjectService
	protected Partyline neutral;

	protected Participants participants;

	private PartylineConfig configuration;
	private final List<ServiceReference<?>> gotAfterARestart = new ArrayList<>();

	@BeforeEach
	void createParticipants() {
		participants = new Participants(installer, context);
	}

	@AfterEach
	void restoreTheDefaultsAndReleaseServices() throws IOException {
		try {
			if (configuration != null) {
				configuration.close();
				configuration = null;
			}
		} finally {
			gotAfterARestart.forEach(context::ungetService);
			gotAfterARestart.clear();
		}
	}

	/**
	 * Sets a property of the partyline's configuration (PID {@code org.partyline}) and returns once the partyline
	 * runs with it; the configuration is deleted after the test, so every test starts with the defaults.
	 */
	protected void configure(String key, Object value) throws IOException {
		if (configuration == null) {
			configuration = new PartylineConfig(context);
		}
		configuration.set(key, value);
	}

	/** The partyline implementation bundle, for tests that stop, start or inspect it. */
	protected Bundle implBundle() {
		return Arrays.stream(context.getBundles())
				.filter(b -> "partyline.impl".equals(b.getSymbolicName()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("partyline.impl is not installed"));
	}

	/**
	 * A service of the test bundle got anew, for after the implementation restarted (what was injected before is
	 * invalid then); released after the test.
	 */
	protected <T> T serviceAfterRestart(Class<T> type) {
		ServiceReference<T> reference = Participants.reference(context, type);
		gotAfterARestart.add(reference);
		return context.getService(reference);
	}

	/**
	 * Skips the test unless it runs in the framework of that label (the bndrun's {@code partyline.itest.label}): the
	 * tests of other frameworks than the main one are in the same test bundle.
	 */
	protected void assumeRunningIn(String label) {
		assumeTrue(label.equals(context.getProperty("partyline.itest.label")), "runs only in the " + label + " framework");
	}

	/** The seed's documentation example: even, odd and multiple_of_four, each in a bundle of its own. */
	protected void assertTheSeedsDocumentationExampleAnswers() {
		participants.install("even");
		participants.install("odd");
		participants.install("four");
		participants.awaitHandlers("number", 3);

		assertEquals(List.of(1), neutral.askAround("number", 1));
		assertEquals(List.of(2), neutral.askAround("number", 2));
		assertEquals(List.of(4, 4), neutral.askAround("number", 4));
	}
}
