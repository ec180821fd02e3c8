package org.partyline.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ConsoleLoginTest {

	@Test
	void onLoopbackTheDefaultLoginIsAccepted() {
		assertEquals(Optional.empty(), refusal(Map.of(ConsoleLogin.HOST, "127.0.0.1")));
		assertEquals(Optional.empty(), refusal(Map.of(ConsoleLogin.HOST, "::1")));
		assertEquals(Optional.empty(), refusal(Map.of(ConsoleLogin.HOST, "localhost")));
	}

	@Test
	void beyondLoopbackWithoutAPasswordOfOneOwnTheLauncherRefusesAndSaysWhatToSet() {
		String refusal = refusal(Map.of(ConsoleLogin.HOST, "0.0.0.0")).orElseThrow();
		assertTrue(refusal.contains("0.0.0.0") && refusal.contains("admin/admin"), refusal);
		assertTrue(refusal.contains("-Dfelix.webconsole.username=") && refusal.contains("-Dfelix.webconsole.password="),
				refusal);
	}

	@Test
	void theDefaultPasswordGivenPlainHashedOrBlankIsNoPasswordOfOnesOwn() {
		for (String password : new String[] { "admin", "{sha-256}jGl25bVBBBW96Qi9Te4V37Fnqchz/Eu4qB9vKrRIqRg=", " " }) {
			Map<String, String> properties = Map.of(ConsoleLogin.HOST, "192.0.2.7", ConsoleLogin.USER, "operator",
					ConsoleLogin.PASSWORD, password);
			assertTrue(refusal(properties).isPresent(), password);
		}
	}

	@Test
	void beyondLoopbackAPasswordOfOnesOwnLetsTheLauncherStart() {
		assertEquals(Optional.empty(), refusal(Map.of(ConsoleLogin.HOST, "0.0.0.0", ConsoleLogin.PASSWORD, "s3cret")));
	}

	@Test
	void noHostMeansEveryInterfaceAndIsRefusedWithTheDefaultLogin() {
		String refusal = refusal(new HashMap<>()).orElseThrow();
		assertTrue(refusal.contains("every address"), refusal);
	}

	@Test
	void anAddressIsLoopbackOnlyIfEveryAddressOfItsNameIs() {
		assertTrue(ConsoleLogin.isLoopback("127.0.0.2"));
		assertFalse(ConsoleLogin.isLoopback("0.0.0.0"));
		assertFalse(ConsoleLogin.isLoopback("192.0.2.7"));
		assertFalse(ConsoleLogin.isLoopback("no-such-host.invalid"));
	}

	private static Optional<String> refusal(Map<String, String> properties) {
		return ConsoleLogin.refusal(properties::get);
	}
}
