package org.partyline.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * A participant as small as a bundle gets: a manifest importing the API, no classes. Its handlers are objects of this
 * class path registered through its {@code BundleContext}, so the registry and Partyline see that bundle as their
 * owner, exactly as for a bundle with classes of its own.
 */
final class ParticipantBundle {

	private ParticipantBundle() {
	}

	static Bundle install(EmbeddedFelix felix, String symbolicName) {
		return felix.installAndStart("bench:" + symbolicName, jar(symbolicName));
	}

	private static InputStream jar(String symbolicName) {
		Manifest manifest = new Manifest();
		Attributes main = manifest.getMainAttributes();
		main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
		main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
		main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
		main.putValue(Constants.IMPORT_PACKAGE, "org.partyline.api;version=\"[1.0,2)\","
				+ "org.osgi.service.event;version=\"[1.4,2)\"");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
			// the manifest is the whole bundle
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new ByteArrayInputStream(bytes.toByteArray());
	}
}
