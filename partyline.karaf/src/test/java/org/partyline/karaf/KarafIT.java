package org.partyline.karaf;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.joining;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

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
 * The partyline in a real Apache Karaf: {@code bin/karaf server} in a fresh instance on loopback ports, Declarative
 * Services and Pax Web's HTTP Whiteboard installed as Karaf features, then the project's bundles with
 * {@code bundle:install -s}: the API and the implementation, the javax blog servlet (joins when invited) and the
 * DS-only notices. One Karaf for the class; the tests run in order, the last one uninstalls the notices.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KarafIT {

	private static final Duration START = Duration.ofSeconds(60);
	private static final Duration FEATURES = Duration.ofSeconds(150);
	private static final Duration WAIT = Duration.ofSeconds(20);
	private static final Duration IDLE = Duration.ofSeconds(10);
	/** demo.notices' OpeningHours (service.ranking 10) and Welcome (ranking 0) */
	private static final String FIRST_NOTICE = "Closed on Monday 1 May";
	private static final String SECOND_NOTICE = "Welcome! Every link on this page was built by another bundle";
	/** in the order they are installed: each one's imports are there before it */
	private static final List<String> BUNDLES = List.of("partyline.api", "partyline.impl", "demo.page", "demo.blog",
			"demo.notices");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private KarafProcess karaf;
	private long started;

	@BeforeAll
	@Timeout(value = 240, unit = TimeUnit.SECONDS)
	void startKarafWithThePartyline() throws IOException {
		started = System.nanoTime();
		karaf = KarafProcess.start(Path.of(System.getProperty("karaf.home")), Path.of(System.getProperty("karaf.instances")), START);
		long console = System.nanoTime();
		karaf.console("feature:install scr http-whiteboard", FEATURES);
		long features = System.nanoTime();
		Path bundles = Path.of(System.getProperty("karaf.bundles"));
		String urls = BUNDLES.stream().map(name -> bundles.resolve(name + ".jar"))
				.peek(jar -> assertTrue(Files.isRegularFile(jar), jar + " missing: run the build from the root"))
				.map(jar -> jar.toUri().toString())
				.collect(joining(" "));
		String installed = karaf.console("bundle:install -s " + urls);
		assertTrue(installed.contains("Bundle IDs"), installed);
		System.out.printf("karaf: console after %d ms, scr and http-whiteboard installed in %d ms, the partyline's bundles in %d ms%n",
				millis(started, console), millis(console, features), millis(features, System.nanoTime()));
	}

	@AfterAll
	void stopKaraf() {
		if (karaf == null) {
			return;
		}
		long stopping = System.nanoTime();
		List<ProcessHandle> ran = karaf.stop();
		System.out.printf("karaf: stopped in %d ms; the Karaf test took %d ms%n", millis(stopping, System.nanoTime()),
				millis(started, System.nanoTime()));
		List<ProcessHandle> left = ran.stream().filter(ProcessHandle::isAlive).toList();
		assertEquals(List.of(), left, "processes of Karaf still running after the stop");
		assertEquals(2, ran.size(), "the script and Karaf's JVM: " + ran);
	}

	@Test
	@Order(1)
	void theBlogShowsTheNoticesOfAnotherBundleWithTheRankingTenNoticeFirst() {
		await("both notices on /blog/").atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			String page = blog();
			assertTrue(page.contains(FIRST_NOTICE) && page.contains(SECOND_NOTICE), page);
		});
		String page = blog();
		assertTrue(page.indexOf(FIRST_NOTICE) < page.indexOf(SECOND_NOTICE), page);
	}

	@Test
	@Order(2)
	void aForgedInvitationToTheBlogGets404() {
		assertEquals(200, status(request("/blog/").build()), "the blog itself answers");
		assertEquals(404, status(request("/blog/__invite__/").build()), "no token");
		byte[] token = new byte[32];
		new Random(10).nextBytes(token);
		assertEquals(404, status(request("/blog/__invite__/").header("Partyline-Invitation", HexFormat.of().formatHex(token)).build()),
				"a made-up token");
	}

	@Test
	@Order(3)
	void theConsoleListsTheNoticeHandlersInPrecedenceOrder() throws IOException {
		String services = partyline("services");
		assertTrue(Pattern.compile("^notice\\s+1\\s+demo\\.notices \\[\\d+\\]\\s+10\\s+\\d+\\R\\s+2\\s+demo\\.notices \\[\\d+\\]\\s+0\\s",
				Pattern.MULTILINE).matcher(services).find(), services);
		assertTrue(Pattern.compile("^url\\s+1\\s+demo\\.blog ", Pattern.MULTILINE).matcher(services).find(), services);
	}

	@Test
	@Order(4)
	void theConsoleShowsTheBlogInvitedOnceAndJoined() throws IOException {
		String participants = partyline("participants");
		List<String> blog = participants.lines().filter(line -> line.startsWith("demo.blog [")).toList();
		assertEquals(1, blog.size(), participants);
		assertTrue(blog.get(0).contains("/blog/*") && blog.get(0).contains("joined"), participants);
	}

	@Test
	@Order(5)
	void anIdleKarafWithThePartylineUsesLessThanAFifthOfACore() throws InterruptedException {
		ProcessHandle jvm = karaf.jvm();
		Duration before = cpu(jvm);
		long from = System.nanoTime();
		assertFalse(karaf.awaitExit(IDLE), "Karaf ended while idle:\n" + karaf.diagnostics());
		double cores = (double) cpu(jvm).minus(before).toNanos() / (System.nanoTime() - from);
		System.out.printf("karaf: %.3f of a core over %d idle seconds with the partyline%n", cores, IDLE.toSeconds());
		assertTrue(cores < 0.2, "CPU of an idle Karaf: " + cores + " of a core");
	}

	@Test
	@Order(6)
	void uninstallingTheNoticesBundleTakesItsNoticesOffTheBlog() throws IOException {
		karaf.console("bundle:uninstall demo.notices");
		await("the notices gone from /blog/").atMost(WAIT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			String page = blog();
			assertFalse(page.contains(FIRST_NOTICE) || page.contains(SECOND_NOTICE), page);
		});
		assertTrue(blog().contains("The tea blog"), "the blog still serves");
		String services = partyline("services");
		assertFalse(services.contains("notice"), services);
	}

	/** A partyline command's table: the functions return it, and an exec session prints only what is written. */
	private String partyline(String function) throws IOException {
		return karaf.console("partyline:" + function + " | cat");
	}

	/** The blog's page, or "" while it does not answer 200. */
	private String blog() {
		HttpResponse<String> response = send(request("/blog/").build(), HttpResponse.BodyHandlers.ofString(UTF_8));
		return response.statusCode() == 200 ? response.body() : "";
	}

	private int status(HttpRequest request) {
		return send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return http.send(request, body);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private HttpRequest.Builder request(String path) {
		URI uri = karaf.http(path);
		return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
	}

	private static Duration cpu(ProcessHandle process) {
		return process.info().totalCpuDuration().orElseThrow(() -> new AssertionError("no CPU time of " + process));
	}

	private static long millis(long fromNanos, long toNanos) {
		return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
	}
}
