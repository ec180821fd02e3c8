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

	@TempDir
	Path folder;

	@Test
	void withoutAPortTheLauncherIsNoNode() {
		assertEquals(Optional.empty(), NodeOptions.from(Map.<String, String>of()::get));
	}

	@Test
	void aPortAndPeersMakeANodeAtTheDefaultAddress() {
		NodeOptions node = NodeOptions.from(
				Map.of(NodeOptions.PORT, "7001", NodeOptions.PEERS, "127.0.0.1:7002, localhost:7003")::get).orElseThrow();
		assertEquals(new NodeOptions(null, "127.0.0.1", 7001, List.of("127.0.0.1:7002", "localhost:7003")), node);
	}

	@Test
	void theConfigurationFileHoldsTypedAttributesUnderTheNodesPid() throws IOException {
		new NodeOptions("shop-1", "127.0.0.1", 7001, List.of("127.0.0.1:7002", "127.0.0.1:7003")).writeTo(folder);
		String config = Files.readString(folder.resolve("org.partyline.node.config"), UTF_8);
		assertEquals("""
				name="shop-1"
				address="127.0.0.1"
				port=I"7001"
				peers=["127.0.0.1:7002","127.0.0.1:7003"]
				""", config);
	}

	@Test
	void aNodeWithoutNameOrPeersLeavesThemToTheNodesDefaults() throws IOException {
		new NodeOptions(null, "127.0.0.1", 7001, List.of()).writeTo(folder);
		String config = Files.readString(NodeOptions.fileIn(folder), UTF_8);
		assertFalse(config.contains("name") || config.contains("peers"), config);
	}

	@Test
	void aStartWithoutANodeRemovesTheConfigurationAFormerStartLeft() throws IOException {
		new NodeOptions(null, "127.0.0.1", 7001, List.of()).writeTo(folder);
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

	private static String refusal(Map<String, String> properties) {
		return assertThrows(IllegalArgumentException.class, () -> NodeOptions.from(properties::get)).getMessage();
	}
}
