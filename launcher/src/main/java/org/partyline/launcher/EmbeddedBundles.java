package org.partyline.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * The run bundles packed in the launcher jar under {@code bundles/}. Each is installed straight from its entry, so
 * the only copy made is the framework's own, in its storage.
 */
final class EmbeddedBundles {

	private static final String FOLDER = "bundles/";

	private final Path launcherJar;

	EmbeddedBundles(Path launcherJar) {
		this.launcherJar = launcherJar;
	}

	/**
	 * Installs every embedded bundle (a bundle already installed from the same entry, in kept storage, is reused),
	 * gives it its start level and marks it to be started when the framework reaches that level.
	 */
	List<Bundle> install(BundleContext context, RunSpec spec) throws IOException, BundleException {
		List<Bundle> bundles = new ArrayList<>();
		try (JarFile jar = new JarFile(launcherJar.toFile())) {
			Enumeration<JarEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				JarEntry entry = entries.nextElement();
				if (entry.getName().startsWith(FOLDER) && entry.getName().endsWith(".jar")) {
					try (InputStream content = jar.getInputStream(entry)) {
						bundles.add(context.installBundle("partyline:" + entry.getName(), content));
					}
				}
			}
		}
		for (Bundle bundle : bundles) {
			bundle.adapt(BundleStartLevel.class).setStartLevel(spec.startLevel(bundle.getSymbolicName()));
			if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
				bundle.start(); // the framework starts it when its start level is reached
			}
		}
		return bundles;
	}
}
