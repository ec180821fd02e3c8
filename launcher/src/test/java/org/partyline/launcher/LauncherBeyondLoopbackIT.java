package org.partyline.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher asked to listen beyond loopback while the Web Console would still admit admin/admin. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LauncherBeyondLoopbackIT {

	@TempDir
	Path workDir;

	@Test
	void withTheConsolesDefaultLoginTheLauncherRefusesToStartSayingWhatToSet() throws Exception {
		Path deploy = workDir.resolve("watched");
		try (LauncherProcess launcher = LauncherProcess.start(Path.of(System.getProperty("partyline.jar")), workDir,
				deploy, "-Dorg.apache.felix.http.host=0.0.0.0")) {
			int exitCode = launcher.awaitExit(Duration.ofSeconds(20));
			String output = launcher.output();

			assertEquals(Main.REFUSED, exitCode, output);
			assertTrue(output.contains("not starting") && output.contains("0.0.0.0")
					&& output.contains("-Dfelix.webconsole.password="), output);
			assertFalse(output.contains("Apache Felix Gogo"), "the framework never started:\n" + output);
			assertFalse(Files.exists(deploy), "nothing was prepared for a start");
		}
	}
}
