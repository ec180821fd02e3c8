package org.partyline.bench;

import java.io.InputStream;
import java.util.List;

/**
 * The bundles the embedded framework runs, copied by the build (pom.xml, execution {@code runtime-bundles}) into
 * {@code bundles/} on the class path under their artifact ids. The API and OSGi Promise bundles are missing on
 * purpose: the system bundle exports their packages from the class path, so the benchmark's code and the impl share
 * one {@code Partyline} and one {@code Promise}.
 */
final class RuntimeBundles {

	static final List<String> JARS = List.of(
			"org.osgi.service.component.jar",
			"org.apache.felix.log.jar",
			"org.apache.felix.configadmin.jar",
			"org.apache.felix.scr.jar",
			"org.apache.felix.eventadmin.jar",
			// no HTTP runtime, and a servlet API only where the system bundle exports it: the impl imports both optionally
			"partyline.impl.jar");

	private RuntimeBundles() {
	}

	static InputStream open(String jar) {
		InputStream content = RuntimeBundles.class.getResourceAsStream("/bundles/" + jar);
		if (content == null) {
			throw new IllegalStateException("bundles/" + jar + " is not on the class path: build with mvn verify");
		}
		return content;
	}
}
