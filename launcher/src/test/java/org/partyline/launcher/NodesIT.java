package org.partyline.launcher;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.partyline.launcher.echo.EchoBundle;

/**
 * Three launchers on loopback, each a node ({@code -Dpartyline.node.port}) with the other two as peers: a, b and c,
 * each with a participant bundle of its own ({@code echo-a}, {@code echo-b}, {@code echo-c}, see
 * {@link EchoBundle}), and b with the FAQ too. Asked through the shell piped to each, as a user would. One set of
 * nodes for the class, started in parallel; the tests run in order, and only c is stopped and started again on the
 * way (killed, then refusing to export).
 * <p>
 * Every node runs the demo's applications too: an application here answers from here, so their copies on the other
 * nodes are never asked, and a node is asked only for names it has (echo-b on b, the FAQ on b). That an application
 * is never asked on another node by itself is seen through the shell's {@code --as}, which asks as a given bundle.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NodesIT {

	private static final Duration START = Duration.ofSeconds(45);
	private static final Duration WAIT = Duration.ofSeconds(20);
	private static final int DEADLINE_MS = 500;
	/** Long enough that a call failing at its peer's death is told from one that waited out its deadline. */
	private static final int STALLED_DEADLINE_MS = 10_000;
	/** How much later than its deadline an ask through the shell may return on a loaded 2-core machine. */
	private static final int SHELL_SLACK_MS = 1500;
	/** The nodes' shared secret, as a system property: the test's JVMs are the only users of this machine's list. */
	private static final String SECRET_PROPERTY = "partyline.node.secret";
	private static final String SECRET = "the-secret-of-nodes-a-b-and-c";
	private static final Pattern NODE_LINE = Pattern.compile("partyline: node (\\S+) at (\\S+) (.*)");
	/** The line {@code partyline:ask --times} prints: asks, threads, median, p99, asks per second. */
	static final Pattern TIMES = Pattern
			.compile("asked (\\d+) times on (\\d+) threads?: median (\\d+) us, p99 (\\d+) us, (\\d+) asks/s");
	/**
	 * How many asks each figure takes: few, as the build runs three JVMs on a small machine (Aries RSA's TCP
	 * transport once took about 45 ms a call; the partyline's own takes about 2 ms an ask here).
	 */
	private static final int TIMES_ONE_THREAD = 150;
	private static final int TIMES_FOUR_THREADS = 400;
	private static final Pattern BUNDLE_ID = Pattern.compile("Bundle ID: (\\d+)");

	private final Map<String, Node> nodes = new LinkedHashMap<>();
	private Path workDir;
	private Path jar;

	/** One node: its name, port and folders, and the launcher process running it (replaced when restarted). */
	private static final class Node {
		final String name;
		final int port;
		final Path deploy;
		LauncherProcess launcher;

		Node(String name, int port, Path deploy) {
			this.name = name;
			this.port = port;
			this.deploy = deploy;
		}

		String endpoint() {
			return "partyline://127.0.0.1:" + port + "/PartylineNode";
		}

		String shell(String command) throws IOException {
			return launcher.shell(command, WAIT);
		}
	}

	@BeforeAll
	void startThreeNodesInParallel() throws Exception {
		workDir = Files.createTempDirectory("partyline-nodes-it-");
		jar = Path.of(System.getProperty("partyline.jar"));
		List<Integer> ports = LauncherProcess.freePorts(3);
		for (String name : List.of("a", "b", "c")) {
			Path deploy = Files.createDirectories(workDir.resolve(name + "-deploy"));
			nodes.put(name, new Node(name, ports.get(nodes.size()), deploy));
			EchoBundle.write("echo-" + name, deploy.resolve("echo-" + name + ".jar"));
		}
		Files.copy(LauncherIT.faqBundle(), node("b").deploy.resolve("faq.jar"));
		long started = System.nanoTime();
		for (Node node : nodes.values()) {
			start(node, "1");
		}
		for (Node node : nodes.values()) {
			node.launcher.awaitEndpoint(START);
		}
		for (Node node : nodes.values()) {
			awaitReached(node, others(node));
		}
		System.out.printf("nodes: three nodes serving and reaching each other %d ms after their start%n",
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	@AfterAll
	void stopEveryNode() throws IOException {
		for (Node node : nodes.values()) {
			if (node.launcher != null) {
				node.launcher.close();
			}
		}
		try (Stream<Path> paths = Files.walk(workDir)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	@Test
	@Order(1)
	void anAskInOneNodeCollectsTheOthersRepliesEachNamingItsNodeLocalOnesFirstAndNoCopyOfALocalApplication()
			throws IOException {
		Node a = node("a");
		Node b = node("b");
		String ask = "partyline:ask -d 1000 url faq.home";
		await("b's FAQ among a's replies").atMost(WAIT)
				.until(() -> rows(a.shell(ask)).stream().anyMatch(row -> row.has("b", "demo.faq")));
		List<Row> rows = rows(a.shell(ask));

		assertEquals(List.of("(local)", "(local)"), rows.subList(0, 2).stream().map(Row::node).toList(),
				"a's shop and blog first:\n" + rows);
		assertEquals(List.of("(local)", "b"), rows.stream().map(Row::node).distinct().sorted().toList(),
				"only b, for its FAQ: the shop and blog of b and c are a's applications too, and c has no other:\n"
						+ rows);
		assertEquals(List.of("demo.faq"), rows.stream().filter(row -> !row.node().equals("(local)")).map(Row::bundle)
				.toList(), "no copy of a's applications:\n" + rows);
		assertTrue(rows.stream().anyMatch(row -> row.has("b", "demo.faq") && row.outcome().equals("answered")
				&& row.columns().get("ANSWER").equals(b.launcher.endpoint() + "faq/")),
				"b's FAQ answers with a link to it on b, usable on a's pages:\n" + rows);

		String remote = a.shell("partyline:ask -d 1000 echo-b hello");
		assertTrue(rows(remote).stream().anyMatch(row -> row.has("b", EchoBundle.symbolicName("echo-b"))
				&& row.columns().get("ANSWER").equals("hello")), remote);
	}

	@Test
	@Order(2)
	void asksAcrossNodesAreMeasuredBesideLocalOnes() throws IOException {
		Node a = node("a");
		a.shell("partyline:ask --times 50 echo-b x");
		a.shell("partyline:ask --times 50 echo-a x");
		Map<String, String> figures = new LinkedHashMap<>();
		figures.put("answered by b, 1 thread", times(a, "--times " + TIMES_ONE_THREAD + " echo-b x"));
		figures.put("answered in a, 1 thread", times(a, "--times " + TIMES_ONE_THREAD + " echo-a x"));
		figures.put("answered by b, 4 threads", times(a, "--times " + TIMES_FOUR_THREADS + " --threads 4 echo-b x"));
		figures.put("answered in a, 4 threads", times(a, "--times " + TIMES_FOUR_THREADS + " --threads 4 echo-a x"));
		figures.forEach((what, line) -> System.out.printf("nodes: %s: %s%n", what, line));
		for (String line : figures.values()) {
			Matcher measured = TIMES.matcher(line);
			assertTrue(measured.find() && Long.parseLong(measured.group(5)) > 0, line);
		}
	}

	@Test
	@Order(3)
	void aHandlerGoneFromOneNodeNeverAnswersItsPeers() throws IOException {
		Node a = node("a");
		Node b = node("b");
		Path churn = EchoBundle.write("churn", workDir.resolve("churn.jar"));
		String bundle = EchoBundle.symbolicName("churn");
		for (int step = 1; step <= 4; step++) {
			String id = installAndStart(b, churn);
			await("b's churn handler answering a, step " + step).atMost(WAIT)
					.until(() -> rows(a.shell("partyline:ask -d 1000 churn x")).stream().anyMatch(row -> row.has("b", bundle)));

			b.shell("uninstall " + id);
			assertFalse(b.shell("partyline:services").contains(bundle), "gone in b");
			String after = a.shell("partyline:ask -d 1000 churn x");
			assertTrue(rows(after).stream().noneMatch(row -> row.text().contains(bundle)),
					"a reply from a bundle gone, step " + step + ":\n" + after);
		}
	}

	@Test
	@Order(3)
	void anApplicationRunningInTwoNodesNeverAnswersItselfFromTheOther() throws IOException {
		Node a = node("a");
		Node b = node("b");
		// the same bundle (symbolic name echo.twin) in a and in b: one application on two nodes
		Path twin = EchoBundle.write("twin", workDir.resolve("twin.jar"));
		String bundle = EchoBundle.symbolicName("twin");
		String idInA = installAndStart(a, twin);
		installAndStart(b, twin);
		String ask = "partyline:ask -d 1000 twin x";
		await("b saying it has the twin").atMost(WAIT)
				.until(() -> peerNames(a.shell("partyline:nodes"), b) > 0 && rows(a.shell(ask)).size() == 1);
		List<Row> neutral = rows(a.shell(ask));
		assertEquals(List.of("(local)"), neutral.stream().map(Row::node).toList(),
				"the twin answers a neutral ask in a from a alone, as an application here answers from here:\n"
						+ neutral);

		String asTheTwin = a.shell("partyline:ask -d 1000 --as " + idInA + " twin x");

		assertTrue(asTheTwin.contains("No handler answers \"twin\""),
				"asked as the twin in a, neither a's twin nor b's answers:\n" + asTheTwin);
	}

	/** A shell command from another thread than the test's. */
	private static String shell(Node node, String command) {
		try {
			return node.shell(command);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String installAndStart(Node node, Path bundle) throws IOException {
		Matcher id = BUNDLE_ID.matcher(node.shell("install " + bundle.toUri()));
		assertTrue(id.find(), "installed in " + node.name);
		node.shell("start " + id.group(1));
		return id.group(1);
	}

	@Test
	@Order(4)
	void aPeerThatHangsCostsAnAskItsDeadlineAndNoMore() throws Exception {
		Node a = node("a");
		Node c = node("c");
		c.launcher.pause();
		try {
			long asking = System.nanoTime();
			String ask = a.shell("partyline:ask -d " + DEADLINE_MS + " echo-c x");
			long askMs = millisSince(asking);
			System.out.printf("nodes: an ask with c stopped (SIGSTOP) returned in %d ms (deadline %d ms)%n", askMs,
					DEADLINE_MS);
			assertTrue(askMs >= DEADLINE_MS && askMs < DEADLINE_MS + SHELL_SLACK_MS, "the ask took " + askMs + " ms");
			assertTrue(rows(ask).stream().anyMatch(row -> row.names(c) && row.outcome().equals("late")),
					"c late:\n" + ask);
			String other = a.shell("partyline:ask -d " + DEADLINE_MS + " url faq.home");
			assertTrue(rows(other).stream().anyMatch(row -> row.has("b", "demo.faq")
					&& row.outcome().equals("answered")), "b answers meanwhile:\n" + other);
		} finally {
			c.launcher.resume();
		}
	}

	@Test
	@Order(5)
	void aPeerKilledInTheMiddleOfACallFailsThatCallAtOnceAndIsAskedAgainOnceRestarted() throws Exception {
		Node a = node("a");
		Node b = node("b");
		Node c = node("c");
		// a handler on c that stalls once called: a's call to it is under way when c dies
		int namesOfC = peerNames(a.shell("partyline:nodes"), c);
		installAndStart(c, EchoBundle.writeStalling("stall-c", workDir.resolve("stall-c.jar")));
		await("c saying it has stall-c").atMost(WAIT)
				.until(() -> peerNames(a.shell("partyline:nodes"), c) == namesOfC + 1);
		Path called = workDir.resolve("stall-c-called");
		CompletableFuture<String> stalled = CompletableFuture.supplyAsync(() -> shell(a,
				"partyline:ask -d " + STALLED_DEADLINE_MS + " stall-c " + called));
		await("the stalling handler on c called").atMost(WAIT).until(() -> Files.exists(called));

		long killed = System.nanoTime();
		assertTrue(c.launcher.kill(WAIT), "c's process is gone");

		String cut = stalled.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		long cutMs = millisSince(killed);
		System.out.printf("nodes: a call under way to c when c was killed failed %d ms after the kill (deadline %d"
				+ " ms)%n", cutMs, STALLED_DEADLINE_MS);
		assertTrue(rows(cut).stream().anyMatch(row -> row.names(c) && row.outcome().equals("failed")),
				"the call to c failed, not late:\n" + cut);
		assertTrue(cutMs < STALLED_DEADLINE_MS / 2, "failed " + cutMs + " ms after the kill");
		String fromB = b.shell("partyline:ask -d " + DEADLINE_MS + " echo-a x");
		assertTrue(rows(fromB).stream().anyMatch(row -> row.has("a", EchoBundle.symbolicName("echo-a"))),
				"a answers b meanwhile:\n" + fromB);

		long asking = System.nanoTime();
		String ask = a.shell("partyline:ask -d " + DEADLINE_MS + " echo-c x");
		long askMs = millisSince(asking);
		System.out.printf("nodes: the first ask after kill -9 of c returned in %d ms (deadline %d ms), %d ms after the"
				+ " kill%n", askMs, DEADLINE_MS, millisSince(killed));
		assertTrue(askMs < DEADLINE_MS + SHELL_SLACK_MS, "the ask took " + askMs + " ms:\n" + ask);
		assertTrue(rows(ask).stream().anyMatch(row -> row.names(c) && row.bundle().equals("-")
				&& (row.outcome().equals("failed") || row.outcome().equals("late"))), "c failed or late:\n" + ask);
		String other = a.shell("partyline:ask -d " + DEADLINE_MS + " echo-b x");
		assertTrue(rows(other).stream().anyMatch(row -> row.has("b", EchoBundle.symbolicName("echo-b"))),
				"b still answers:\n" + other);

		await("c unreached in a's partyline:nodes").atMost(WAIT)
				.until(() -> peerState(a.shell("partyline:nodes"), c).equals("unreached"));
		System.out.printf("nodes: partyline:nodes showed c unreached %d ms after the kill%n", millisSince(killed));

		long restarting = System.nanoTime();
		start(c, "2");
		c.launcher.awaitEndpoint(START);
		await("c's echo among a's replies again").atMost(WAIT).until(() -> rows(a.shell(
				"partyline:ask -d 1000 echo-c x")).stream().anyMatch(row -> row.has("c", EchoBundle.symbolicName("echo-c"))));
		System.out.printf("nodes: c asked again %d ms after it was started again%n", millisSince(restarting));
		awaitReached(c, others(c));
	}

	@Test
	@Order(6)
	void aNodeWithAnotherSecretIsNeitherAnsweredNorAnswers() throws Exception {
		Node a = node("a");
		Node b = node("b");
		Node c = node("c");
		assertTrue(c.launcher.kill(WAIT), "c's process is gone");
		start(c, "3", "-D" + SECRET_PROPERTY + "=another-secret-than-a-and-b-share");
		c.launcher.awaitEndpoint(START);
		await("c's peers unreached").atMost(WAIT).until(() -> nodeLine(c).contains(" reached no peer; not reached "));
		System.out.println("nodes: " + nodeLine(c));

		for (Node peer : List.of(a, b)) {
			await(peer.name + " sees c unreached").atMost(WAIT)
					.until(() -> peerState(peer.shell("partyline:nodes"), c).equals("unreached"));
		}
		String ask = a.shell("partyline:ask -d " + DEADLINE_MS + " echo-c x");
		assertTrue(rows(ask).stream().noneMatch(row -> row.has("c", EchoBundle.symbolicName("echo-c"))), ask);
		String fromC = c.shell("partyline:ask -d " + DEADLINE_MS + " echo-b x");
		assertTrue(rows(fromC).stream().noneMatch(row -> row.has("b", EchoBundle.symbolicName("echo-b"))), fromC);
	}

	// ---- the nodes

	private void start(Node node, String run, String... options) throws IOException {
		Path runDir = Files.createDirectories(workDir.resolve(node.name + "-run" + run));
		// storage in the run's folder: a killed launcher cannot delete a temporary one
		List<String> all = new ArrayList<>(List.of("-Dorg.osgi.framework.storage=" + runDir.resolve("storage"),
				"-D" + SECRET_PROPERTY + "=" + SECRET,
				"-Dpartyline.node.port=" + node.port,
				"-Dpartyline.node.name=" + node.name,
				"-Dpartyline.node.peers=" + others(node).stream().map(peer -> "127.0.0.1:" + peer.port)
						.collect(Collectors.joining(","))));
		all.addAll(Arrays.asList(options));
		node.launcher = LauncherProcess.start(jar, runDir, node.deploy, all.toArray(String[]::new));
	}

	/** Waits until the node's last printed line says it reached every one of {@code peers}. */
	private void awaitReached(Node node, List<Node> peers) {
		await(node.name + " reaching " + peers.stream().map(peer -> peer.name).toList()).atMost(START)
				.until(() -> peers.stream().allMatch(peer -> reached(nodeLine(node)).contains(peer.name + "@" + peer.endpoint())));
	}

	/** The node's last "partyline: node" line, or "" before the first. */
	private static String nodeLine(Node node) {
		try {
			String last = "";
			for (String line : lines(node.launcher.output())) {
				if (NODE_LINE.matcher(line).matches()) {
					last = line;
				}
			}
			return last;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The peers a node line says were reached: "NAME@ENDPOINT", before any "; not reached". */
	private static List<String> reached(String nodeLine) {
		Matcher line = NODE_LINE.matcher(nodeLine);
		if (!line.matches() || !line.group(3).startsWith("reached ")) {
			return List.of();
		}
		String reached = line.group(3).substring("reached ".length()).split("; not reached ")[0];
		return Arrays.stream(reached.split(",")).map(String::trim).toList();
	}

	private List<Node> others(Node node) {
		return nodes.values().stream().filter(other -> other != node).toList();
	}

	private Node node(String name) {
		return nodes.get(name);
	}

	// ---- what the shell prints

	/**
	 * One row of {@code partyline:ask}'s table (NODE, BUNDLE, RANKING, SERVICE ID, OUTCOME, MS, ANSWER), by column
	 * title; BUNDLE without the bundle id the shell adds in brackets.
	 */
	private record Row(String text, Map<String, String> columns) {

		String node() {
			return columns.getOrDefault("NODE", "");
		}

		String bundle() {
			return columns.getOrDefault("BUNDLE", "").replaceFirst(" \\[\\d+\\]$", "");
		}

		String outcome() {
			return columns.getOrDefault("OUTCOME", "");
		}

		boolean has(String node, String bundle) {
			return node().equals(node) && bundle().equals(bundle);
		}

		/** Whether the row names the node, by name or by endpoint. */
		boolean names(Node peer) {
			return node().equals(peer.name) || node().equals(peer.endpoint());
		}
	}

	/** The rows of an ask's table: the lines after its header, cut where the header's titles begin. */
	private static List<Row> rows(String table) {
		List<Row> rows = new ArrayList<>();
		Map<String, Integer> titles = null;
		for (String line : lines(table)) {
			if (line.startsWith("NODE ")) {
				titles = titles(line, "NODE", "BUNDLE", "RANKING", "SERVICE ID", "OUTCOME", "MS", "ANSWER");
			} else if (titles != null && !line.isBlank()) {
				rows.add(new Row(line, cut(line, titles)));
			}
		}
		return rows;
	}

	/** Where each title begins in a header line (the titles that are there, in order). */
	private static Map<String, Integer> titles(String header, String... titles) {
		Map<String, Integer> starts = new LinkedHashMap<>();
		int from = 0;
		for (String title : titles) {
			Matcher at = Pattern.compile("(?<=^|\\s)" + Pattern.quote(title) + "(?=\\s|$)").matcher(header);
			if (at.find(from)) {
				starts.put(title, at.start());
				from = at.end();
			}
		}
		return starts;
	}

	/** A table row cut at the titles' starts: each title's text, trimmed. */
	private static Map<String, String> cut(String line, Map<String, Integer> titles) {
		Map<String, String> columns = new LinkedHashMap<>();
		List<Map.Entry<String, Integer>> starts = List.copyOf(titles.entrySet());
		for (int i = 0; i < starts.size(); i++) {
			int begin = Math.min(starts.get(i).getValue(), line.length());
			int end = i + 1 < starts.size() ? Math.min(starts.get(i + 1).getValue(), line.length()) : line.length();
			columns.put(starts.get(i).getKey(), line.substring(begin, end).trim());
		}
		return columns;
	}

	/** The STATE column of {@code partyline:nodes} for a peer (by its endpoint), "" when it is not listed. */
	private static String peerState(String table, Node peer) {
		return peerColumn(table, peer, "STATE");
	}

	/** The NAMES column of {@code partyline:nodes} for a peer: how many names it said it has, -1 before it said. */
	private static int peerNames(String table, Node peer) {
		String names = peerColumn(table, peer, "NAMES");
		return names.matches("\\d+") ? Integer.parseInt(names) : -1;
	}

	private static String peerColumn(String table, Node peer, String title) {
		Map<String, Integer> titles = null;
		for (String line : lines(table)) {
			if (line.startsWith("PEER ")) {
				titles = titles(line, "PEER", "NODE", "STATE", "NAMES", "ASKS", "DETAIL");
			} else if (titles != null) {
				Map<String, String> columns = cut(line, titles);
				if (peer.endpoint().equals(columns.get("PEER"))) {
					return columns.getOrDefault(title, "");
				}
			}
		}
		return "";
	}

	/** The lines the shell printed, without the prompts it interleaves when its input is piped. */
	private static List<String> lines(String printed) {
		return Arrays.stream(printed.split("\n")).map(line -> line.replaceFirst("^(g! )+", "")).toList();
	}

	private static String times(Node node, String arguments) throws IOException {
		String printed = node.shell("partyline:ask " + arguments);
		Matcher line = TIMES.matcher(printed);
		return line.find() ? line.group() : printed;
	}

	// ---- helpers

	private static long millisSince(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
	}
}
