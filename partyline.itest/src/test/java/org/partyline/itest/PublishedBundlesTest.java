package org.partyline.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Dictionary;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/**
 * The published bundles say, as a repository browser or the Web Console shows them, under which license they come,
 * where their documentation and source are and who makes them: what the parent POM declares for Maven Central.
 */
class PublishedBundlesTest {

	@InjectBundleContext
	BundleContext context;

	@ParameterizedTest
	@ValueSource(strings = { "partyline.api", "partyline.impl" })
	void aPublishedBundleNamesItsLicenseDocumentationSourceAndMakers(String symbolicName) {
		Dictionary<String, String> headers = bundle(symbolicName).getHeaders("");

		assertTrue(headers.get("Bundle-License").startsWith("Apache-2.0;link=\"https://www.apache.org/licenses/"),
				headers.get("Bundle-License"));
		String home = headers.get("Bundle-DocURL");
		assertTrue(home.startsWith("https://"), home);
		assertTrue(headers.get("Bundle-SCM").contains("url=\"" + home + "\""), headers.get("Bundle-SCM"));
		assertNotNull(headers.get("Bundle-Developers"));
		assertEquals("The Partyline project", headers.get("Bundle-Vendor"));
	}

	private Bundle bundle(String symbolicName) {
		return Arrays.stream(context.getBundles())
				.filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
				.findFirst()
				.orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
	}
}
