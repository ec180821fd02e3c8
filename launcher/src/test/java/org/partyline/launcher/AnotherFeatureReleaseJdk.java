package org.partyline.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The {@code java} of a JDK of another feature release than the running one: the one {@code -Dlauncher.otherJava}
 * names, else the newest installed beside the running JDK (a sibling folder of its installation with a {@code release}
 * file and {@code bin/java}), e.g. Temurin 25 in {@code /usr/lib/jvm} next to OpenJDK 17.
 */
final class AnotherFeatureReleaseJdk {

	private AnotherFeatureReleaseJdk() {
	}

	/** The named java, if {@code launcher.otherJava} names one, else one found; empty when there is none. */
	static Optional<Path> java() throws IOException {
		String named = System.getProperty("launcher.otherJava", "").trim();
		if (!named.isEmpty()) {
			return Optional.of(Path.of(named)).filter(Files::isExecutable);
		}
		return besides(Path.of(System.getProperty("java.home")).toRealPath(), Runtime.version().feature());
	}

	/** The java of the newest JDK beside {@code installation} whose feature release is not {@code running}. */
	static Optional<Path> besides(Path installation, int running) throws IOException {
		try (Stream<Path> siblings = Files.list(installation.getParent())) {
			return siblings.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
					.filter(jdk -> featureRelease(jdk).filter(feature -> feature != running).isPresent())
					.max(Comparator.comparing((Path jdk) -> featureRelease(jdk).orElseThrow()).thenComparing(Path::toString))
					.map(jdk -> jdk.resolve("bin/java"));
		}
	}

	/** Where {@link #java()} looked, for a skipped test's reason. */
	static String searched() {
		String named = System.getProperty("launcher.otherJava", "").trim();
		return named.isEmpty()
				? "no JDK of a feature release other than " + Runtime.version().feature() + " beside "
						+ System.getProperty("java.home") + " (-Dlauncher.otherJava=.../bin/java names one)"
				: "no java at '" + named + "' (-Dlauncher.otherJava)";
	}

	/** The feature release of the JDK at {@code jdk}, from the JAVA_VERSION of its release file. */
	private static Optional<Integer> featureRelease(Path jdk) {
		Properties release = new Properties();
		try (Reader reader = Files.newBufferedReader(jdk.resolve("release"))) {
			release.load(reader);
		} catch (IOException noReleaseFile) {
			return Optional.empty();
		}
		String version = release.getProperty("JAVA_VERSION", "").replace("\"", "");
		try {
			return Optional.of(Runtime.Version.parse(version).feature());
		} catch (IllegalArgumentException notAVersion) {
			return Optional.empty();
		}
	}
}
