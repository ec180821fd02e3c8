package org.partyline.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * The launcher as a user runs it: {@code java -jar partyline.jar} in a process of its own, on a free port, with a
 * temporary deploy folder, talked to over loopback HTTP and through the shell's stdin. One process for the class;
 * the tests run in order and the last one stops it.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class LauncherIT {

	private static final Duration START = Duration.ofSeconds(30);
	private static final Duration WAIT = Duration.ofSeconds(15);
	/** How long the launcher is left alone to measure its CPU at rest: nothing in it may start a busy thread. */
	private static final Duration IDLE = Duration.ofSeconds(3);
	private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");
	private static final Pattern SERVING_AFTER = Pattern.compile("serving after (\\d+) ms");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private Path workDir;
	private Path deploy;
	private LauncherProcess launcher;
	private URI endpoint;
	private static final String SHOP = "/shop/";
	private static final String BLOG = "/blog/";
	private static final String HEALTH = "/system/health.json?tags=partyline";
	private static final String CONSOLE_PAGE = "/system/console/partyline";
	/** Every response to the pages above from the moment the launcher's process started. */
	private FirstResponses first;
	/** What the launcher printed until every page had answered once. */
	private String startOutput;

	@BeforeAll
	void startTheLauncher() throws Exception {
		workDir = Files.createTempDirectory("partyline-launcher-it-");
		deploy = workDir.resolve("watched"); // not there yet: the launcher creates it
		int port = LauncherProcess.freePorts(1).get(0);
		long started = System.nanoTime();
		launcher = LauncherProcess.start(Path.of(System.getProperty("partyline.jar")), workDir, deploy,
				"-Dorg.osgi.service.http.port=" + port);
		first = FirstResponses.poll(URI.create("http://127.0.0.1:" + port + "/"), Map.of(SHOP, get -> get,
				BLOG, get -> get, HEALTH, get -> get, CONSOLE_PAGE, LauncherIT::withLogin), started, START);
		endpoint = launcher.awaitEndpoint(START);
		startOutput = launcher.output();
		Matcher serving = SERVING_AFTER.matcher(startOutput);
		System.out.printf("launcher: first response after %d ms, serving line at %s ms, on Java %s%n",
				first.firstResponseMillis(), serving.find() ? serving.group(1) : "?", javaVersion());
	}

	@AfterAll
	void cleanUp() throws IOException {
		launcher.close();
		try (Stream<Path> paths = Files.walk(workDir)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	/**
	 * Polled every 20 ms from the process start, without waiting for the serving line: the port gives no response
	 * before all is ready, so every response there was is a complete one.
	 */
	@Test
	@Order(1)
	void fromTheFirstResponseAfterTheStartEveryPageIsComplete() {
		for (String page : List.of(SHOP, BLOG, HEALTH, CONSOLE_PAGE)) {
			assertNotNull(first.firstOk(page), page + " never answered 200: " + first.all());
		}
		List<String> incomplete = first.all().stream()
				.filter(response -> response.status() != 200 || !complete(response.page(), response.body()))
				.map(FirstResponses.Response::toString)
				.toList();
		assertEquals(List.of(), incomplete, "responses before all was ready");
	}

	@Test
	@Order(1)
	void aCleanStartPrintsNoWarningAndNoError() {
		List<String> warnings = startOutput.lines().filter(line -> line.contains("WARN") || line.contains("ERROR"))
				.toList();
		assertEquals(List.of(), warnings, startOutput);
	}

	@Test
	@Order(2)
	void everyLinkOnTheRootPagesAnswers200() {
		Set<URI> links = new LinkedHashSet<>();
		for (String page : List.of("/shop/", "/blog/")) {
			Matcher link = LINK.matcher(get(page));
			while (link.find()) {
				links.add(endpoint.resolve(page).resolve(link.group(1).replace("&amp;", "&")));
			}
		}
		List<String> failures = new ArrayList<>();
		for (URI link : links) {
			int status = status(link);
			if (status != 200) {
				failures.add(link + " -> " + status);
			}
		}
		assertTrue(links.size() >= 8, "links found: " + links);
		assertEquals(List.of(), failures);
	}

	@Test
	@Order(3)
	void theShellRunsThePartylineCommandsPipedToIt() throws IOException {
		String participants = launcher.shell("partyline:participants", WAIT);
		assertTrue(participants.contains("demo.shop") && participants.contains("demo.blog")
				&& participants.contains("joined"), participants);

		String services = launcher.shell("partyline:services", WAIT);
		assertTrue(Stream.of("url", "nav", "notice", "demo.notices").allMatch(services::contains), services);

		String answers = launcher.shell("partyline:ask url shop.product:kettle", WAIT);
		assertTrue(answers.contains("/shop/products/kettle") && answers.contains("demo.shop"), answers);

		String replies = launcher.shell("partyline:ask --deadline 500 url shop.product:kettle", WAIT);
		assertTrue(replies.contains("/shop/products/kettle") && replies.contains("answered")
				&& replies.contains("demo.blog") && replies.contains("declined"), replies);
	}

	@Test
	@Order(3)
	void everyPartylineCommandAndOptionExplainsItselfInTheShellsHelp() throws IOException {
		Map<String, List<String>> described = Map.of(
				"participants", List.of("show every whiteboard servlet the partyline has seen"),
				"services", List.of("show every service name with its handlers in the order they answer"),
				"scans", List.of("show how much work finding and inviting servlets has taken"),
				"nodes", List.of("show this framework's partyline node and its peers"),
				"ask", List.of("ask every handler of a service name as a neutral caller", "--deadline",
						"ask asynchronously, waiting at most this many milliseconds", "--times",
						"ask this many times and show the times taken", "--threads",
						"ask on this many threads at once", "--as", "ask as the bundle of this id",
						"the service name", "the payload, a string", "with no payload"));
		for (Map.Entry<String, List<String>> command : described.entrySet()) {
			String help = launcher.shell("help partyline:" + command.getKey(), WAIT);
			for (String words : command.getValue()) {
				assertTrue(help.contains(words), "help partyline:" + command.getKey() + " says \"" + words + "\":\n"
						+ help);
			}
		}
		// what Karaf's help shows for a command that is not its own: the command's output with --help
		String usage = launcher.shell("partyline:ask --help", WAIT);
		assertTrue(usage.contains("partyline:ask [options] service-name [payload]") && usage.contains("-d, --deadline"),
				usage);
		assertTrue(launcher.shell("partyline:ask", WAIT).contains("SYNTAX"), "without a service name: the usage");
	}

	@Test
	@Order(4)
	void theWebConsoleAsksForItsLoginAndAdmitsTheDefaultOneOnLoopback() {
		assertEquals(401, status("/system/console/bundles"));
		assertEquals(401, status("/system/console/partyline"), "the console's authentication applies to the page");
		assertEquals(200, statusLoggedIn("/system/console/bundles"));

		assertEquals(200, statusLoggedIn("/system/console/partyline"));
		String page = getLoggedIn("/system/console/partyline");
		assertTrue(page.contains("id=\"partyline\"") && page.contains("demo.shop"), page);
	}

	@Test
	@Order(5)
	void theHealthCheckServletReportsTheFrameworkAndThePartyline() {
		String all = get("/system/health.json");
		assertTrue(all.contains("\"overallResult\"") && all.contains("OSGi Framework Ready Check"), all);

		String partyline = get("/system/health.json?tags=partyline");
		assertTrue(partyline.contains("\"name\":\"Partyline\"") && partyline.contains("\"overallResult\":\"OK\""),
				partyline);
	}

	@Test
	@Order(6)
	void aBundleDroppedIntoTheDeployFolderIsInvitedAndLeavesWhenRemoved() throws IOException {
		assertTrue(Files.isDirectory(deploy), "the launcher creates the deploy folder");
		Path faq = Files.copy(faqBundle(), deploy.resolve("faq.jar"));

		await("the FAQ in the shop's navigation").atMost(WAIT).pollInterval(Duration.ofMillis(50))
				.until(() -> get("/shop/").contains("href=\"/faq/\""));
		assertEquals(200, status("/faq/"));
		String participants = launcher.shell("partyline:participants", WAIT);
		assertTrue(participants.contains("demo.faq"), participants);

		Files.delete(faq);
		await("the FAQ gone from the shop's navigation").atMost(WAIT).pollInterval(Duration.ofMillis(50))
				.until(() -> !get("/shop/").contains("href=\"/faq/\""));
	}

	@Test
	@Order(7)
	void aConfigurationFileInTheDeployFolderReachesConfigurationAdminAndWarningsArePrinted() throws IOException {
		String missing = "No handler is connected";
		assertTrue(launcher.shell("partyline:ask nobody hello", WAIT).contains(missing));

		Files.writeString(deploy.resolve("org.partyline.cfg"), "ignoreMissingServices=true\nisolateFailures=perhaps\n", UTF_8);

		await("ignoreMissingServices applied").atMost(WAIT).pollInterval(Duration.ofMillis(100))
				.until(() -> !launcher.shell("partyline:ask nobody hello", WAIT).contains(missing));
		await("the partyline's warning printed through the OSGi log").atMost(WAIT)
				.until(() -> launcher.output().contains("WARN") && launcher.output().contains("isolateFailures=perhaps"));
	}

	@Test
	@Order(8)
	void anIdleLauncherUsesLessThanATenthOfACore() throws InterruptedException {
		Duration before = launcher.cpu();
		long from = System.nanoTime();
		assertEquals(-1, launcher.awaitExit(IDLE), "the launcher ended while idle");
		double cores = (double) launcher.cpu().minus(before).toNanos() / (System.nanoTime() - from);
		System.out.printf("launcher: %.3f of a core over %d idle seconds%n", cores, IDLE.toSeconds());
		assertTrue(cores < 0.1, "CPU of an idle launcher (a busy thread?): " + cores + " of a core");
	}

	@Test
	@Order(9)
	void theLauncherKeepsRunningWithoutStdinAndStopsCleanlyOnSigterm() throws Exception {
		launcher.closeStdin();
		await("the shell ends at end of input").atMost(WAIT).until(() -> launcher.output().contains("gosh: stopping shell"));
		assertEquals(200, status("/shop/"), "the framework is still serving");

		long stopping = System.nanoTime();
		int exitCode = launcher.terminate(Duration.ofSeconds(20));
		System.out.printf("launcher: stopped %d ms after SIGTERM%n",
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));

		String output = launcher.output();
		assertEquals(143, exitCode, "exit code after SIGTERM (128 + 15); output:\n" + output);
		assertFalse(output.contains("Exception") || output.contains("\tat "), "no stack trace:\n" + output);
	}

	/** Whether a page has all it shows when every application has joined. */
	private static boolean complete(String page, String body) {
		return switch (page) {
		case SHOP -> body.contains("href=\"/blog/posts/") && body.contains("href=\"/blog/\"")
				&& body.contains("Closed on Monday");
		case BLOG -> body.contains("href=\"/shop/products/") && body.contains("href=\"/shop/\"")
				&& body.contains("Closed on Monday");
		case HEALTH -> body.contains("\"name\":\"Partyline\"") && body.contains("\"overallResult\":\"OK\"");
		case CONSOLE_PAGE -> body.contains("id=\"partyline\"") && body.contains("demo.shop") && body.contains("demo.blog");
		default -> throw new IllegalArgumentException(page);
		};
	}

	private String get(String path) {
		return body(request(endpoint.resolve(path)));
	}

	private String getLoggedIn(String path) {
		return body(loggedIn(endpoint.resolve(path)));
	}

	/** The body of a 200, or "" for any other status. */
	private String body(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
			return response.statusCode() == 200 ? response.body() : "";
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private int status(String path) {
		return status(endpoint.resolve(path));
	}

	private int statusLoggedIn(String path) {
		return status(loggedIn(endpoint.resolve(path)));
	}

	private int status(URI uri) {
		return status(request(uri));
	}

	private int status(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		} catch (IOException e) {
			return -1; // not listening yet
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static HttpRequest request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
	}

	/** With the Web Console's default login, admin/admin, as Basic authentication. */
	private static HttpRequest loggedIn(URI uri) {
		return withLogin(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))).build();
	}

	private static HttpRequest.Builder withLogin(HttpRequest.Builder request) {
		String login = Base64.getEncoder().encodeToString("admin:admin".getBytes(UTF_8));
		return request.header("Authorization", "Basic " + login);
	}

	/** The FAQ demo bundle: a test dependency of this module, so Maven puts its jar on the test class path. */
	static Path faqBundle() {
		return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
				.map(Path::of)
				.filter(path -> path.getFileName().toString().startsWith("demo.faq") && path.toString().endsWith(".jar"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("demo.faq jar not on the class path: run the build from the root"));
	}

	private String javaVersion() {
		String java = System.getProperty("launcher.java");
		return java == null ? System.getProperty("java.version") : java;
	}
}
