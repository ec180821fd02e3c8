package org.partyline.itest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectBundleInstaller;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.install.BundleInstaller;
import org.partyline.api.Partyline;

/**
 * What most tests start from: the test bundle's context, an installer for embedded participant bundles (removed
 * after each test), and the test bundle's own {@link Partyline}, a neutral caller since it owns no handlers.
 */
public abstract class ParticipantTest {

	@InjectBundleInstaller
	protected BundleInstaller installer;

	@InjectBundleContext
	protected BundleContext context;

	@InjectService
	protected Partyline neutral;

	protected Participants participants;

	@BeforeEach
	void createParticipants() {
		participants = new Participants(installer, context);
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
