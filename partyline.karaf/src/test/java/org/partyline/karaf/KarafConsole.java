package org.partyline.karaf;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/**
 * Karaf's console over SSH, one exec channel per command: the way that proved reliable (bin/client printed nothing
 * in batch mode, and the local console on a piped stdin redraws its prompt without end, costing a core). Karaf
 * closes the session after an exec command, so each command logs in anew.
 */
final class KarafConsole implements AutoCloseable {

	private final SshClient client;
	private final int port;
	private final String user;
	private final String password;

	private KarafConsole(SshClient client, int port, String user, String password) {
		this.client = client;
		this.port = port;
		this.user = user;
		this.password = password;
	}

	/** A client for Karaf's SSH server on the loopback port given; logs in once, throwing while it is not there yet. */
	static KarafConsole connect(int port, String user, String password, Duration timeout) throws IOException {
		SshClient client = SshClient.setUpDefaultClient();
		// the server is the Karaf this test started, on loopback, with a host key it made at its first login
		client.setServerKeyVerifier((session, address, key) -> true);
		client.start();
		KarafConsole console = new KarafConsole(client, port, user, password);
		try {
			console.login(timeout).close();
			return console;
		} catch (IOException | RuntimeException e) {
			client.stop();
			throw e;
		}
	}

	private ClientSession login(Duration timeout) throws IOException {
		ClientSession session = client.connect(user, "127.0.0.1", port).verify(timeout).getSession();
		try {
			session.addPasswordIdentity(password);
			session.auth().verify(timeout);
			return session;
		} catch (IOException | RuntimeException e) {
			session.close();
			throw e;
		}
	}

	/**
	 * Runs one command line and returns what it printed (stdout and stderr). An exec session prints only what a
	 * command writes, not the value it returns (Karaf prints values in interactive sessions only): pipe such a
	 * command to {@code cat}. A non-zero exit status is an {@link IOException} with the output.
	 */
	String run(String command, Duration timeout) throws IOException {
		try (ClientSession session = login(timeout); ChannelExec channel = session.createExecChannel(command)) {
			ByteArrayOutputStream printed = new ByteArrayOutputStream();
			channel.setOut(printed);
			channel.setErr(printed);
			channel.open().verify(timeout);
			Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
			String output = printed.toString(UTF_8);
			if (!events.contains(ClientChannelEvent.CLOSED)) {
				throw new IOException("'" + command + "' did not end within " + timeout + "; printed so far:\n" + output);
			}
			Integer status = channel.getExitStatus();
			if (status != null && status != 0) {
				throw new IOException("'" + command + "' ended with status " + status + ":\n" + output);
			}
			return output;
		}
	}

	@Override
	public void close() {
		client.stop();
	}
}
