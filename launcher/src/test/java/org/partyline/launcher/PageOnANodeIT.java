package org.partyline.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The demo's {@code /shop/} page from a launcher alone, and from a node x whose one peer y runs the same
 * applications, side by side in one run: the node's page is the same page, and asks no peer (every application it
 * shows answers here). Then y gets an application of its own, the FAQ, and x's page asks it: the page whose asks
 * cross to a peer; and an ask of a peer alone. The figures are printed for BENCHMARKS.md ("Across nodes"), not
 * asserted: a shared 2-core machine makes any bound on them a coin toss.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PageOnANodeIT {

	private static final Duration START = Duration.ofSeconds(45);
	private static final Duration WAIT = Duration.ofSeconds(20);
	private static final int WARM_UP = 10;
	private static final int MEASURED = 40;
	private static final String SECRET = "the-secret-of-nodes-x-and-y";
	private static final Pattern NAV = Pattern.compile("<nav>.*?</nav>", Pattern.DOTALL);
	private static final int REMOTE_ASKS = 1000;
	private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private Path workDir;
	private LauncherProcess alone;
	private LauncherProcess x;
	private LauncherProcess y;
	private URI aloneAt;
	private URI xAt;
	private Path yDeploy;

	@BeforeAll
	void startALauncherAloneAndTwoNodes() throws Exception {
		workDir = Files.createTempDirectory("partyline-page-on-a-node-it-");
		Path jar = Path.of(System.getProperty("partyline.jar"));
		List<Integer> ports = LauncherProcess.freePorts(2);
		alone = LauncherProcess.start(jar, folder("alone"), folder("alone-deploy"));
		x = LauncherProcess.start(jar, folder("x"), folder("x-deploy"), node("x", ports.get(0), ports.get(1)));
		yDeploy = folder("y-deploy");
		y = LauncherProcess.start(jar, folder("y"), yDeploy, node("y", ports.get(1), ports.get(0)));
		aloneAt = alone.awaitEndpoint(START);
		xAt = x.awaitEndpoint(START);
		y.awaitEndpoint(START);
		await("x reaching y").atMost(START).until(() -> x.output().contains(" reached y@"));
	}

	private static String[] node(String name, int port, int peer) {
		return new String[] { "-Dpartyline.node.name=" + name, "-Dpartyline.node.port=" + port,
				"-Dpartyline.node.peers=127.0.0.1:" + peer, "-Dpartyline.node.secret=" + SECRET };
	}

	@AfterAll
	void stopThem() throws IOException {
		for (LauncherProcess launcher : new LauncherProcess[] { alone, x, y }) {
			if (launcher != null) {
				launcher.close();
			}
		}
		try (Stream<Path> paths = Files.walk(workDir)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	@Test
	@Order(1)
	void theShopPageOfANodeWhosePeerRunsTheSameApplicationsIsThePageAlone() throws IOException {
		String pageAlone = page(aloneAt);
		String pageOnTheNode = page(xAt);
		// on a node the demo's links name it (the others' pages can use them); else they are paths
		assertEquals(nav(pageAlone), nav(pageOnTheNode).replace(origin(xAt), ""),
				"the same links: none twice, none from y");

		for (int i = 0; i < WARM_UP; i++) {
			page(aloneAt);
			page(xAt);
		}
		List<Long> aloneNanos = new ArrayList<>();
		List<Long> nodeNanos = new ArrayList<>();
		for (int i = 0; i < MEASURED; i++) { // interleaved, so both meet the same machine
			aloneNanos.add(timed(aloneAt));
			nodeNanos.add(timed(xAt));
		}
		System.out.printf(Locale.ROOT, "page: /shop/ alone p50 %.2f ms, p99 %.2f ms; on a node whose peer runs the same"
				+ " applications p50 %.2f ms, p99 %.2f ms (%.2fx the page alone)%n", millis(aloneNanos, 50),
				millis(aloneNanos, 99), millis(nodeNanos, 50), millis(nodeNanos, 99),
				millis(nodeNanos, 50) / millis(aloneNanos, 50));
	}

	@Test
	@Order(2)
	void aPageWhoseAskCrossesToThePeerIsMeasuredToo() throws IOException {
		Files.copy(LauncherIT.faqBundle(), yDeploy.resolve("faq.jar"));
		await("x asking y's FAQ").atMost(WAIT).until(() -> x.shell("partyline:ask -d 1000 url faq.home", WAIT)
				.lines().anyMatch(line -> line.startsWith("y ") && line.contains("demo.faq")));

		for (int i = 0; i < WARM_UP; i++) {
			page(xAt);
		}
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < MEASURED; i++) {
			nanos.add(timed(xAt));
		}
		System.out.printf(Locale.ROOT, "page: /shop/ on a node whose nav ask crosses to its peer's FAQ p50 %.2f ms,"
				+ " p99 %.2f ms%n", millis(nanos, 50), millis(nanos, 99));
	}

	@Test
	@Order(3)
	void eachNodesPageLinksIntoTheApplicationThatRunsOnlyOnTheOtherAndEveryLinkAnswers() throws Exception {
		uninstall(x, "demo.blog");
		uninstall(y, "demo.shop");
		URI shopOnX = xAt.resolve("/shop/");
		URI blogOnY = y.endpoint().resolve("/blog/");
		await("x's shop linking to y's blog").atMost(WAIT)
				.until(() -> nav(get(shopOnX)).contains("href=\"" + origin(blogOnY) + "/blog/\""));
		await("y's blog linking to x's shop").atMost(WAIT)
				.until(() -> nav(get(blogOnY)).contains("href=\"" + origin(shopOnX) + "/shop/\""));

		int links = 0;
		for (URI page : List.of(shopOnX, blogOnY)) {
			Matcher href = HREF.matcher(get(page));
			while (href.find()) {
				URI link = page.resolve(href.group(1));
				assertEquals(200, status(link), link + ", linked from " + page);
				links++;
			}
		}
		System.out.printf("page: x's shop and y's blog link into each other; all %d links on them answered 200%n",
				links);
	}

	/**
	 * An ask of a peer alone: x asks a name only y has (an {@link EchoBundle}), through x's shell ({@code partyline:ask
	 * --times}, each ask timed from its start to its last reply), with nothing else running but the idle launcher.
	 */
	@Test
	@Order(4)
	void anAskOfAPeerIsMeasuredAtOneAndFourThreads() throws Exception {
		EchoBundle.write("echo-y", yDeploy.resolve("echo-y.jar"));
		await("x asking y's echo").atMost(WAIT).until(() -> x.shell("partyline:ask -d 1000 echo-y hello", WAIT)
				.lines().anyMatch(line -> line.startsWith("y ") && line.contains("hello")));
		x.shell("partyline:ask --times 300 echo-y x", WAIT);
		for (String threads : List.of("1", "4")) {
			String printed = x.shell("partyline:ask --times " + REMOTE_ASKS + " --threads " + threads + " echo-y x", WAIT);
			Matcher times = NodesIT.TIMES.matcher(printed);
			assertTrue(times.find(), printed);
			System.out.printf("ask of a peer: x asking a name only y has, %s thread(s): %s%n", threads, times.group());
		}
	}

	private static void uninstall(LauncherProcess launcher, String symbolicName) throws IOException {
		Matcher listed = Pattern.compile("(?m)^\\s*(\\d+)\\|.*\\|\\s*" + Pattern.quote(symbolicName) + " ")
				.matcher(launcher.shell("lb -s", WAIT));
		assertTrue(listed.find(), symbolicName + " listed");
		launcher.shell("uninstall " + listed.group(1), WAIT);
	}

	private int status(URI link) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(link).timeout(WAIT).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
	}

	/** {@code http://host:port}, without the path. */
	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getAuthority();
	}

	private long timed(URI base) {
		long start = System.nanoTime();
		page(base);
		return System.nanoTime() - start;
	}

	/** The shop's page at that launcher. */
	private String page(URI base) {
		return get(base.resolve("/shop/"));
	}

	private String get(URI page) {
		HttpRequest request = HttpRequest.newBuilder(page).timeout(WAIT).build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
			assertEquals(200, response.statusCode(), response.body());
			return response.body();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	private static String nav(String page) {
		Matcher nav = NAV.matcher(page);
		assertTrue(nav.find(), page);
		return nav.group();
	}

	private static double millis(List<Long> nanos, int percentile) {
		List<Long> sorted = nanos.stream().sorted().toList();
		int at = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
		return sorted.get(Math.max(0, at)) / 1e6;
	}

	private Path folder(String name) throws IOException {
		return Files.createDirectories(workDir.resolve(name));
	}
}
