package org.partyline.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnotherFeatureReleaseJdkTest {

	@TempDir
	Path jvms;

	@Test
	void theNewestJdkOfAnotherFeatureReleaseBesideTheRunningOneIsChosen() throws IOException {
		Path running = jdk("openjdk-17", "17.0.15");
		jdk("temurin-21", "21.0.4");
		Path newest = jdk("temurin-25", "25");

		assertEquals(Optional.of(newest.resolve("bin/java")), AnotherFeatureReleaseJdk.besides(running, 17));
	}

	@Test
	void jdksOfTheRunningReleaseOrWithoutAReleaseFileOrJavaAreNotChosen() throws IOException {
		Path running = jdk("openjdk-17", "17.0.15");
		jdk("temurin-17", "17.0.2");
		Files.delete(jdk("no-release", "25").resolve("release"));
		Files.writeString(Files.createDirectories(jvms.resolve("no-java")).resolve("release"), "JAVA_VERSION=\"25\"\n");

		assertEquals(Optional.empty(), AnotherFeatureReleaseJdk.besides(running, 17));
	}

	private Path jdk(String name, String version) throws IOException {
		Path jdk = Files.createDirectories(jvms.resolve(name));
		Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
		Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
		Files.createFile(java, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		return jdk;
	}
}
