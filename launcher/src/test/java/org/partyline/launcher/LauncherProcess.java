package org.partyline.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar partyline.jar} as a child process: its output (stdout and stderr) goes to a file, its stdin is
 * the shell's input.
 */
final class LauncherProcess implements AutoCloseable {

	private static final Pattern SERVING = Pattern.compile("open (http://\\S+?)/shop/");

	private final Process process;
	private final Path output;
	private final Writer shell;
	private int markers;
	/** The endpoint of the "serving" line, once seen. */
	private volatile URI served;

	private LauncherProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
		this.shell = new OutputStreamWriter(process.getOutputStream(), UTF_8);
	}

	/**
	 * Starts the launcher in {@code workDir} on a port of its choosing, watching {@code deploy}, with further
	 * {@code -D} options if given.
	 */
	static LauncherProcess start(Path jar, Path workDir, Path deploy, String... options) throws IOException {
		return start(javaCommand(), jar, workDir, deploy, options);
	}

	/** The same, with the given {@code java} command. */
	static LauncherProcess start(String java, Path jar, Path workDir, Path deploy, String... options)
			throws IOException {
		Path output = workDir.resolve("launcher.log");
		List<String> command = new ArrayList<>(List.of(java, "-Dorg.osgi.service.http.port=0",
				"-Dfelix.fileinstall.dir=" + deploy));
		command.addAll(List.of(options));
		command.addAll(List.of("-jar", jar.toString()));
		Process process = new ProcessBuilder(command)
				.directory(workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
		return new LauncherProcess(process, output);
	}

	/** The JVM to run the launcher with: {@code -Dlauncher.java=...}, or the one running the test. */
	private static String javaCommand() {
		return System.getProperty("launcher.java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	/** Waits for the launcher's "serving" line and returns the HTTP endpoint it names. */
	URI awaitEndpoint(Duration timeout) throws IOException {
		AtomicReference<URI> endpoint = new AtomicReference<>();
		await("the launcher's serving line").atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> {
			Matcher serving = SERVING.matcher(output());
			if (serving.find()) {
				endpoint.set(URI.create(serving.group(1) + "/"));
			}
			return endpoint.get() != null || !process.isAlive();
		});
		if (endpoint.get() == null) {
			throw new AssertionError("the launcher ended before serving:\n" + output());
		}
		served = endpoint.get();
		return served;
	}

	/** The HTTP endpoint the launcher named when it started serving ({@link #awaitEndpoint} first). */
	URI endpoint() {
		if (served == null) {
			throw new IllegalStateException("not serving yet: await its endpoint first");
		}
		return served;
	}

	/** Runs one shell command through stdin and returns what it printed, waiting at most {@code timeout}. */
	String shell(String command, Duration timeout) throws IOException {
		String marker = "end-of-command-" + ++markers;
		int from = output().length();
		shell.write(command + "\necho " + marker + "\n");
		shell.flush();
		await(command).atMost(timeout).pollInterval(Duration.ofMillis(20))
				.until(() -> output().indexOf(marker, from) >= 0);
		String printed = output();
		return printed.substring(from, printed.indexOf(marker, from));
	}

	/** Ends the shell's input, as when the launcher runs with no terminal. */
	void closeStdin() throws IOException {
		shell.close();
	}

	/** Sends SIGTERM and waits for the exit; returns the exit code, or -1 if the process did not end in time. */
	int terminate(Duration timeout) throws InterruptedException {
		process.destroy();
		return awaitExit(timeout);
	}

	/** Waits for the process to end by itself; returns the exit code, or -1 if it did not end in time. */
	int awaitExit(Duration timeout) throws InterruptedException {
		return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
	}

	/**
	 * Kills the process with SIGKILL ({@link Process#destroyForcibly()} on Linux), as {@code kill -9} does, and
	 * waits until its pid is gone; returns whether it is.
	 */
	boolean kill(Duration timeout) throws InterruptedException {
		ProcessHandle handle = process.toHandle();
		process.destroyForcibly();
		return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
				&& !ProcessHandle.of(handle.pid()).map(ProcessHandle::isAlive).orElse(false);
	}

	/** Stops the process (SIGSTOP), as a hung peer: its sockets still accept, nothing answers. */
	void pause() throws IOException, InterruptedException {
		signal("-STOP");
	}

	/** Lets a paused process go on (SIGCONT). */
	void resume() throws IOException, InterruptedException {
		signal("-CONT");
	}

	private void signal(String signal) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start();
		if (kill.waitFor() != 0) {
			throw new IOException("kill " + signal + " " + process.pid() + " failed");
		}
	}

	/** The CPU time the launcher's JVM has used so far. */
	Duration cpu() {
		return process.toHandle().info().totalCpuDuration()
				.orElseThrow(() -> new AssertionError("no CPU time of " + process.pid()));
	}

	/** Everything the launcher printed so far. */
	String output() throws IOException {
		return Files.exists(output) ? new String(Files.readAllBytes(output), UTF_8) : "";
	}

	/** Free loopback ports, all held open until every one is picked so that none is picked twice. */
	static List<Integer> freePorts(int count) throws IOException {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
			}
			return sockets.stream().map(ServerSocket::getLocalPort).toList();
		} finally {
			for (ServerSocket socket : sockets) {
				socket.close();
			}
		}
	}

	@Override
	public void close() {
		process.destroyForcibly();
	}
}
