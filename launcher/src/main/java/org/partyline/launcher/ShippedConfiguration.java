package org.partyline.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The configurations the launcher ships (the {@code .cfg} files under {@code configuration/} in its jar, such as the
 * Health Check servlet's), written to a folder of the framework storage that FileInstall watches beside the deploy
 * folder: so they reach Configuration Admin like a user's, without a file in the user's folder or code of our own
 * calling Configuration Admin.
 */
final class ShippedConfiguration {

	private static final String FOLDER = "configuration/";

	private final Path launcherJar;

	ShippedConfiguration(Path launcherJar) {
		this.launcherJar = launcherJar;
	}

	/** The folder the configurations are written to: in the storage, so a fresh one is deleted with it. */
	static Path folderIn(Storage storage) {
		return storage.folder().resolve("launcher-configuration");
	}

	/** Writes every shipped configuration to {@code folder}, replacing an older copy (kept storage). */
	void writeTo(Path folder) throws IOException {
		Files.createDirectories(folder);
		try (JarFile jar = new JarFile(launcherJar.toFile())) {
			List<JarEntry> files = jar.stream()
					.filter(entry -> entry.getName().startsWith(FOLDER) && entry.getName().endsWith(".cfg"))
					.toList();
			for (JarEntry file : files) {
				try (InputStream content = jar.getInputStream(file)) {
					Path target = folder.resolve(file.getName().substring(FOLDER.length()));
					Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}
}
