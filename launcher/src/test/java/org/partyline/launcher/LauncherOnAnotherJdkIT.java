package org.partyline.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The launcher on a JDK of another feature release than the build's own ({@link AnotherFeatureReleaseJdk}: the one
 * {@code -Dlauncher.otherJava=...} names, else one installed beside the running JDK): it starts, serves pages that link
 * into each other, and stops cleanly. Skipped, saying so, where there is no such JDK.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LauncherOnAnotherJdkIT {

	private static final Duration START = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void startsServesLinkedPagesAndStopsCleanlyOnAnotherJdk() throws Exception {
		Optional<Path> otherJava = AnotherFeatureReleaseJdk.java();
		assumeTrue(otherJava.isPresent(), AnotherFeatureReleaseJdk.searched());
		String java = otherJava.get().toString();
		Path workDir = Files.createTempDirectory("partyline-launcher-jdk-");
		long started = System.nanoTime();
		try (LauncherProcess launcher = LauncherProcess.start(java, Path.of(System.getProperty("partyline.jar")),
				workDir, workDir.resolve("deploy"))) {
			URI endpoint = launcher.awaitEndpoint(START);
			await("cross links on /shop/").atMost(START).pollInterval(Duration.ofMillis(20))
					.until(() -> page(endpoint.resolve("/shop/")).contains("href=\"/blog/posts/"));
			System.out.printf("launcher: first linked page after %d ms on %s%n",
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), java);

			int exitCode = launcher.terminate(Duration.ofSeconds(20));
			String output = launcher.output();
			assertEquals(143, exitCode, "exit code after SIGTERM (128 + 15); output:\n" + output);
			assertFalse(output.contains("Exception") || output.contains("\tat "), "no stack trace:\n" + output);
		} finally {
			try (Stream<Path> paths = Files.walk(workDir)) {
				paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	/** The page's body, or "" while it does not answer 200. */
	private String page(URI uri) throws InterruptedException {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 ? response.body() : "";
		} catch (IOException notYet) {
			return "";
		}
	}
}
