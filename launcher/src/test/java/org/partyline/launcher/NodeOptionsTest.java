package org.partyline.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeOptionsTest {

	private static final String SECRET = "sixteen-or-more-characters";
	/** The environment of a launcher started with the secret where the README says to give it. */
	private static final Map<String, String> WITH_SECRET = Map.of(NodeOptions.SECRET_VARIABLE, SECRET);

	@TempDir
	Path folder;

	@Test
	void withoutAPortTheLauncherIsNoNode() {
		assertEquals(Optional.empty(), NodeOptions.from(Map.<String, String>of()::get, WITH_SECRET::get));
	}

	@Test
	void aPortAndPeersMakeANodeAtTheDefaultAddress() {
		NodeOptions node = NodeOptions.from(
				Map.of(NodeOptions.PORT, "7001", NodeOptions.PEERS, "127.0.0.1:7002, localhost:7003")::get,
				WITH_SECRET::get).orElseThrow();
		assertEquals(new NodeOptions(null, "127.0.0.1", 7001, List.of("127.0.0.1:7002", "localhost:7003"), SECRET),
				node);
		assertFalse(node.toString().contains(SECRET), "never printed: " + node);
	}

	@Test
	void theConfigurationFileHoldsTypedAttributesUnderTheNodesPid() throws IOException {
		new NodeOptions("shop-1", "127.0.0.1", 7001, List.of("127.0.0.1:7002", "127.0.0.1:7003"), SECRET)
				.writeTo(folder);
		String config = Files.readString(folder.resolve("org.partyline.node.config"), UTF_8);
		assertEquals("""
				name="shop-1"
				address="127.0.0.1"
				port=I"7001"
				secret="sixteen-or-more-characters"
				peers=["127.0.0.1:7002","127.0.0.1:7003"]
				""", config);
	}

	@Test
	void aNodeWithoutNameOrPeersLeavesThemToTheNodesDefaults() throws IOException {
		new NodeOptions(null, "127.0.0.1", 7001, List.of(), SECRET).writeTo(folder);
		String config = Files.readString(NodeOptions.fileIn(folder), UTF_8);
		assertFalse(config.contains("name") || config.contains("peers"), config);
	}

	@Test
	void aStartWithoutANodeRemovesTheConfigurationAFormerStartLeft() throws IOException {
		new NodeOptions(null, "127.0.0.1", 7001, List.of(), SECRET).writeTo(folder);
		NodeOptions.removeFrom(folder);
		assertFalse(Files.exists(NodeOptions.fileIn(folder)));
	}

	@Test
	void aMalformedPortIsRefusedNamingIt() {
		for (String port : new String[] { "abc", "0", "65536", "-1" }) {
			String refusal = refusal(Map.of(NodeOptions.PORT, port));
			assertTrue(refusal.contains("-Dpartyline.node.port=" + port) && refusal.contains("is not a port"), refusal);
		}
	}

	@Test
	void aMalformedPeerIsRefusedNamingIt() {
		for (String peer : new String[] { "127.0.0.1", "127.0.0.1:x", ":7002", "127.0.0.1:70000", "a\"b:7002" }) {
			String refusal = refusal(Map.of(NodeOptions.PORT, "7001", NodeOptions.PEERS, "127.0.0.1:7003," + peer));
			assertTrue(refusal.startsWith("Partyline: not starting: -Dpartyline.node.peers=") && refusal.contains(peer),
					refusal);
		}
	}

	@Test
	void peersWithoutAPortAreRefusedRatherThanIgnored() {
		String refusal = refusal(Map.of(NodeOptions.PEERS, "127.0.0.1:7002"));
		assertTrue(refusal.contains("without -Dpartyline.node.port"), refusal);
	}

	@Test
	void aNameThatFileInstallWouldSubstituteIsRefused() {
		String refusal = refusal(Map.of(NodeOptions.PORT, "7001", NodeOptions.NAME, "${user.home}"));
		assertTrue(refusal.contains("is not a node name"), refusal);
	}

	@Test
	void aNodeWithoutASecretOrWithOneTooShortIsRefusedSayingWhereToGiveIt() {
		Map<String, String> port = Map.of(NodeOptions.PORT, "7001");
		for (Map<String, String> environment : List.of(Map.<String, String>of(),
				Map.of(NodeOptions.SECRET_VARIABLE, "short"), Map.of(NodeOptions.SECRET_VARIABLE, SECRET + "$x"))) {
			String refusal = assertThrows(IllegalArgumentException.class,
					() -> NodeOptions.from(port::get, environment::get)).getMessage();
			assertTrue(refusal.contains("PARTYLINE_NODE_SECRET") && refusal.contains("16 characters"), refusal);
		}
	}

	@Test
	void theSecretMayAlsoBeASystemPropertyThoughTheEnvironmentWins() {
		Map<String, String> properties = Map.of(NodeOptions.PORT, "7001", NodeOptions.SECRET, "as-a-system-property");
		assertEquals("as-a-system-property",
				NodeOptions.from(properties::get, Map.<String, String>of()::get).orElseThrow().secret());
		assertEquals(SECRET, NodeOptions.from(properties::get, WITH_SECRET::get).orElseThrow().secret());
	}

	private static String refusal(Map<String, String> properties) {
		return assertThrows(IllegalArgumentException.class, () -> NodeOptions.from(properties::get, WITH_SECRET::get))
				.getMessage();
	}
}
