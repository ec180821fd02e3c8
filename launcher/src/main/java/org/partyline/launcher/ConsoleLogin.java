package org.partyline.launcher;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Whether the Web Console's login is fit for where HTTP listens. Felix Web Console 5 admits admin/admin unless the
 * framework properties {@value #USER} and {@value #PASSWORD} (its own) name another login: tolerable on loopback, not
 * once the network can reach the console, so beyond loopback the launcher refuses to start with the default password.
 */
final class ConsoleLogin {

	static final String HOST = "org.apache.felix.http.host";
	static final String USER = "felix.webconsole.username";
	static final String PASSWORD = "felix.webconsole.password";

	/** The console's default password, as given and as the console itself stores it. */
	private static final Set<String> DEFAULT_PASSWORDS = Set.of("admin",
			"{sha-256}jGl25bVBBBW96Qi9Te4V37Fnqchz/Eu4qB9vKrRIqRg=");

	private ConsoleLogin() {
	}

	/**
	 * Why the launcher must not start, or empty if it may.
	 *
	 * @param property a framework property by name (the run properties, then the system properties, as Felix reads
	 *                 them), null when unset
	 */
	static Optional<String> refusal(UnaryOperator<String> property) {
		String host = property.apply(HOST);
		String password = property.apply(PASSWORD);
		boolean ownPassword = password != null && !password.isBlank() && !DEFAULT_PASSWORDS.contains(password);
		if (ownPassword || isLoopback(host)) {
			return Optional.empty();
		}
		String listening = host == null || host.isBlank() ? "every address" : host;
		return Optional.of("""
				Partyline: not starting: HTTP would listen on %s, beyond loopback, where the Web Console \
				(/system/console) would admit its default login admin/admin.
				  Set your own: -D%s=NAME -D%s=SECRET
				  or stay on loopback: -D%s=127.0.0.1""".formatted(listening, USER, PASSWORD, HOST));
	}

	/** Whether every address {@code host} stands for is a loopback one; none (blank) means every interface. */
	static boolean isLoopback(String host) {
		if (host == null || host.isBlank()) {
			return false;
		}
		try {
			return Arrays.stream(InetAddress.getAllByName(host.trim())).allMatch(InetAddress::isLoopbackAddress);
		} catch (UnknownHostException e) {
			return false; // HTTP cannot listen there either; the refusal names the host
		}
	}
}
