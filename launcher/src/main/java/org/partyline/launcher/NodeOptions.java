package org.partyline.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.partyline.api.PartylineConstants;

/**
 * The launcher's node options, {@code -D}{@value #PORT} (which makes the framework a node) and the optional
 * {@value #PEERS}, {@value #NAME} and {@value #ADDRESS}, checked before the framework starts and turned into the
 * node's configuration (PID {@value #PID}) as a typed FileInstall {@code .config} file in the folder of the shipped
 * configuration: it reaches Configuration Admin the same way, since the launcher's own classes, outside the
 * framework, cannot share Configuration Admin's API with it.
 */
record NodeOptions(String name, String address, int port, List<String> peers, String secret) {

	static final String PORT = "partyline.node.port";
	static final String PEERS = "partyline.node.peers";
	static final String NAME = "partyline.node.name";
	static final String ADDRESS = "partyline.node.address";
	static final String SECRET = "partyline.node.secret";
	/** Where a secret is best given: the process list shows system properties to every user of the machine. */
	static final String SECRET_VARIABLE = "PARTYLINE_NODE_SECRET";
	static final int SECRET_MINIMUM_LENGTH = 16;
	static final String PID = PartylineConstants.NODE_CONFIGURATION_PID;
	static final String DEFAULT_ADDRESS = "127.0.0.1";

	/**
	 * What a FileInstall value may hold unquoted: no quote, backslash or {@code $} (FileInstall substitutes
	 * {@code ${...}}), so none needs escaping.
	 */
	private static final Pattern NAME_CHARACTERS = Pattern.compile("[A-Za-z0-9._:@-]+");
	/** Printable ASCII but what FileInstall would substitute or unquote. */
	private static final Pattern SECRET_CHARACTERS = Pattern.compile("[\\x21\\x23\\x25-\\x5b\\x5d-\\x7e]+");
	private static final Pattern HOST_CHARACTERS = Pattern.compile("[A-Za-z0-9._:\\[\\]-]+");

	/** The file that holds the configuration, named by its PID as FileInstall wants. */
	static Path fileIn(Path folder) {
		return folder.resolve(PID + ".config");
	}

	/**
	 * The node options given, or empty when {@value #PORT} is not (no node).
	 *
	 * @param property a property by name, null when unset
	 * @param environment an environment variable by name, null when unset
	 * @throws IllegalArgumentException with the message to print when an option is malformed
	 */
	static Optional<NodeOptions> from(UnaryOperator<String> property, UnaryOperator<String> environment) {
		String port = property.apply(PORT);
		if (port == null || port.isBlank()) {
			for (String other : List.of(PEERS, NAME, ADDRESS, SECRET)) {
				if (property.apply(other) != null) {
					throw refusal("-D" + other + " is given without -D" + PORT + " (this node's port)");
				}
			}
			return Optional.empty();
		}
		int number = port(port.trim(), "-D" + PORT + "=" + port);
		String name = Optional.ofNullable(property.apply(NAME)).map(String::trim).filter(n -> !n.isEmpty()).orElse(null);
		if (name != null && !NAME_CHARACTERS.matcher(name).matches()) {
			throw refusal("-D" + NAME + "=" + name + " is not a node name (letters, digits and . _ : @ -)");
		}
		String address = Optional.ofNullable(property.apply(ADDRESS)).map(String::trim).orElse(DEFAULT_ADDRESS);
		if (!HOST_CHARACTERS.matcher(address).matches()) {
			throw refusal("-D" + ADDRESS + "=" + address + " is not a host name or address");
		}
		List<String> peers = new ArrayList<>();
		String given = property.apply(PEERS);
		for (String peer : given == null ? new String[0] : given.split(",")) {
			if (!peer.isBlank()) {
				peers.add(peer(peer.trim(), given));
			}
		}
		String secret = Optional.ofNullable(environment.apply(SECRET_VARIABLE)).or(() -> Optional.ofNullable(
				property.apply(SECRET))).map(String::strip).orElse("");
		if (secret.length() < SECRET_MINIMUM_LENGTH || !SECRET_CHARACTERS.matcher(secret).matches()) {
			throw refusal("a node needs the secret every node shares, " + SECRET_MINIMUM_LENGTH + " characters or"
					+ " more (printable, without quotes, backslashes, $ or spaces), in the environment variable "
					+ SECRET_VARIABLE + " or -D" + SECRET);
		}
		return Optional.of(new NodeOptions(name, address, number, List.copyOf(peers), secret));
	}

	/** Writes the node's configuration to {@code folder}, replacing an older one (kept storage). */
	void writeTo(Path folder) throws IOException {
		Files.createDirectories(folder);
		StringBuilder config = new StringBuilder();
		if (name != null) {
			config.append("name=\"").append(name).append("\"\n");
		}
		config.append("address=\"").append(address).append("\"\n");
		config.append("port=I\"").append(port).append("\"\n");
		config.append("secret=\"").append(secret).append("\"\n");
		if (!peers.isEmpty()) {
			config.append(peers.stream().map(peer -> '"' + peer + '"').collect(Collectors.joining(",", "peers=[", "]\n")));
		}
		Files.writeString(fileIn(folder), config, UTF_8);
	}

	/** Without the secret, which is never printed. */
	@Override
	public String toString() {
		return "NodeOptions[name=" + name + ", address=" + address + ", port=" + port + ", peers=" + peers + "]";
	}

	/** Removes the node's configuration a former start left in kept storage: this start is no node. */
	static void removeFrom(Path folder) throws IOException {
		Files.deleteIfExists(fileIn(folder));
	}

	private static String peer(String peer, String given) {
		int colon = peer.lastIndexOf(':');
		String host = colon > 0 ? peer.substring(0, colon) : "";
		if (host.isEmpty() || !HOST_CHARACTERS.matcher(host).matches()) {
			throw refusal("-D" + PEERS + "=" + given + ": " + peer + " is not host:port");
		}
		return host + ":" + port(peer.substring(colon + 1), "-D" + PEERS + "=" + given + ": the port of " + peer);
	}

	/** The port, 1..65535; else a refusal saying {@code what} is not one. */
	private static int port(String port, String what) {
		try {
			int number = Integer.parseInt(port);
			if (number >= 1 && number <= 65535) {
				return number;
			}
		} catch (NumberFormatException e) {
			// refused below, with the same words as a number out of range
		}
		throw refusal(what + " is not a port (1..65535)");
	}

	private static IllegalArgumentException refusal(String why) {
		return new IllegalArgumentException("Partyline: not starting: " + why);
	}
}
