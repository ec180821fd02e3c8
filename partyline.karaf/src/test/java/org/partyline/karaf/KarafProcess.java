package org.partyline.karaf;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;


/**
 * {@code bin/karaf server} as a child process, in an instance folder of its own, on the running JVM's Java: the
 * script starts Karaf's JVM as its own child. Its console is reached over SSH; {@link #close()} shuts it down and
 * makes sure that neither the script nor the JVM outlives the test.
 */
final class KarafProcess implements AutoCloseable {

	private static final Duration COMMAND = Duration.ofSeconds(30);
	private static final Duration STOP = Duration.ofSeconds(30);

	private final Process script;
	private final Path home;
	private final Path base;
	private final LoopbackPorts ports;
	private final Thread killer;
	private KarafConsole console;

	private KarafProcess(Process script, Path home, Path base, LoopbackPorts ports) {
		this.script = script;
		this.home = home;
		this.base = base;
		this.ports = ports;
		// should the test JVM itself be ended (Failsafe's timeout), Karaf is not left behind
		this.killer = new Thread(this::kill, "karaf-killer");
		Runtime.getRuntime().addShutdownHook(killer);
	}

	/** Lays out a fresh instance in {@code base}, starts Karaf there and waits for its console and start level. */
	static KarafProcess start(Path home, Path base, Path repository, Duration timeout) throws IOException {
		LoopbackPorts ports = LoopbackPorts.free();
		KarafInstance.create(home, base, repository, ports);
		return launch(home, base, ports, timeout);
	}

	/**
	 * Stops this Karaf as {@code bin/stop} does and starts it again in the same instance, as {@code bin/start} does,
	 * on the same ports: its bundles come back from its storage at their start levels. Waits for the console and
	 * the start level again. {@code meanwhile} runs when the old one has ended, before the new one is started.
	 */
	KarafProcess restarted(Duration timeout, Runnable meanwhile) throws IOException {
		List<ProcessHandle> ran = stop();
		if (ran.stream().anyMatch(ProcessHandle::isAlive)) {
			throw new AssertionError("Karaf still running after its stop: " + ran);
		}
		meanwhile.run();
		return launch(home, base, ports, timeout);
	}

	private static KarafProcess launch(Path home, Path base, LoopbackPorts ports, Duration timeout) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve("karaf").toString(), "server")
				.directory(base.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("karaf.out").toFile()));
		builder.environment().keySet().removeIf(name -> name.startsWith("KARAF_"));
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("KARAF_BASE", base.toString());
		KarafProcess karaf = new KarafProcess(builder.start(), home, base, ports);
		karaf.script.getOutputStream().close(); // a server reads no input
		try {
			karaf.awaitConsole(timeout);
			return karaf;
		} catch (RuntimeException | Error e) {
			karaf.close();
			throw e;
		}
	}

	private void awaitConsole(Duration timeout) {
		AtomicReference<KarafConsole> connected = new AtomicReference<>();
		await("Karaf's SSH console").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!script.isAlive()) {
				return true;
			}
			try {
				connected.set(KarafConsole.connect(ports.ssh(), KarafInstance.USER, KarafInstance.PASSWORD, COMMAND));
				return true;
			} catch (IOException e) {
				return false; // not listening yet
			}
		});
		if (connected.get() == null) {
			throw new AssertionError("Karaf ended before its console was there:\n" + diagnostics());
		}
		console = connected.get();
		await("start level 100").atMost(timeout).pollInterval(Duration.ofMillis(250))
				.until(() -> console("system:start-level").contains("100"));
	}

	/** Runs a console command (see {@link KarafConsole#run}) and returns what it printed. */
	String console(String command) throws IOException {
		return console(command, COMMAND);
	}

	String console(String command, Duration timeout) throws IOException {
		return console.run(command, timeout);
	}

	/** The address of a path on Karaf's HTTP port. */
	URI http(String path) {
		return URI.create("http://127.0.0.1:" + ports.http() + path);
	}

	/** Karaf's JVM: the script's child. */
	ProcessHandle jvm() {
		return script.descendants()
				.filter(process -> process.info().command().map(command -> command.endsWith("java")).orElse(false))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no Karaf JVM under the script:\n" + diagnostics()));
	}

	/** Waits up to {@code timeout} for the script to end; true if it did. */
	boolean awaitExit(Duration timeout) throws InterruptedException {
		return script.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** What Karaf printed and the end of its log, for failure messages. */
	String diagnostics() {
		return tail(base.resolve("karaf.out"), 40) + "\n--- data/log/karaf.log:\n" + tail(base.resolve("data/log/karaf.log"), 40);
	}

	/**
	 * Shuts Karaf down from its console and waits for the script and the JVM to end; whatever is still running then
	 * is killed. Returns the processes that were running, all ended now.
	 */
	List<ProcessHandle> stop() {
		List<ProcessHandle> processes = Stream.concat(Stream.of(script.toHandle()), script.descendants()).toList();
		if (console != null) {
			try {
				console("system:shutdown -f", STOP);
			} catch (IOException e) {
				// the console closes as Karaf goes: an error here is no reason to stop waiting for the end
			}
		}
		boolean ended = processes.stream().allMatch(process -> awaitEnd(process, STOP));
		if (!ended) {
			System.out.println("karaf: still running " + STOP.toSeconds() + " s after system:shutdown, killed:\n" + diagnostics());
			processes.forEach(ProcessHandle::destroyForcibly);
			processes.forEach(process -> awaitEnd(process, STOP));
		}
		if (console != null) {
			console.close();
		}
		Runtime.getRuntime().removeShutdownHook(killer);
		return processes;
	}

	@Override
	public void close() {
		stop();
	}

	private void kill() {
		script.descendants().forEach(ProcessHandle::destroyForcibly);
		script.destroyForcibly();
	}

	private static boolean awaitEnd(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		} catch (TimeoutException e) {
			return false;
		} catch (ExecutionException e) {
			return !process.isAlive();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	private static String tail(Path file, int lines) {
		try {
			if (!Files.exists(file)) {
				return "(no " + file.getFileName() + ")";
			}
			List<String> all = new String(Files.readAllBytes(file), UTF_8).lines().toList();
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		} catch (IOException e) {
			return "(" + file + " unreadable: " + e + ")";
		}
	}
}
