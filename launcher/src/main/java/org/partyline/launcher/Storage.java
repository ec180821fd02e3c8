package org.partyline.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.osgi.framework.Constants;

/**
 * Where the framework keeps installed bundles and configuration: the folder named by
 * {@code -Dorg.osgi.framework.storage=DIR}, kept between starts, or else a fresh temporary folder deleted at exit,
 * so that every start begins from the jar.
 */
record Storage(Path folder, boolean fresh) {

	static Storage chosen() throws IOException {
		String named = System.getProperty(Constants.FRAMEWORK_STORAGE);
		return named != null ? new Storage(Path.of(named).toAbsolutePath(), false)
				: new Storage(Files.createTempDirectory("partyline-felix-"), true);
	}

	void deleteIfFresh() {
		if (!fresh) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach(Storage::delete);
		} catch (IOException | UncheckedIOException e) {
			System.err.println("Partyline: could not delete the framework storage " + folder + ": " + e);
		}
	}

	private static void delete(Path path) {
		try {
			Files.deleteIfExists(path);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
