package org.partyline.karaf;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.stream.Collectors.joining;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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
 * The partyline in a real Apache Karaf, installed as a Karaf user would: {@code bin/karaf server} in a fresh instance
 * on loopback ports, {@code feature:repo-add} of this build's features repository, {@code feature:install
 * partyline-http} (Declarative Services, Pax Web's HTTP Whiteboard, the API and the implementation), then two
 * participants with {@code bundle:install -s}: the javax blog servlet (joins when invited), the DS-only notices and
 * this module's own probe servlet, which tells what reached it and asks as itself. Later, while Karaf runs, this
 * module's gated probe: a servlet whose invitation answers only when the test says, and its opted-out sibling.
 * One Karaf for the class; the tests run in order, the later ones change the settings and restart the partyline,
 * install Karaf's Web Console (feature webconsole), this build's partyline-healthcheck and partyline-node, then
 * Karaf's WAR support (feature war) with the demo's legacy WAR; the last one restarts Karaf.
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
	/** the participants, in the order they are installed: each one's imports are there before it */
	private static final List<String> PARTICIPANTS = List.of("demo.page", "demo.blog", "demo.notices");
	/** Requests racing for the gated servlet's page from before its bundle is installed, and fired once it is invited */
	private static final int RACERS = 6;
	private static final int MEANWHILE = 6;
	/** How long requests to a servlet whose invitation is unanswered must stay unanswered to count as held */
	private static final Duration HELD_FOR = Duration.ofMillis(400);
	/** The partyline's page in Karaf's Web Console, served by the impl's javax adapter */
	/** The legacy WAR's support desk */
	private static final String DESK = "/legacy/desk/";
	private static final String PAGE = "/system/console/partyline";
	/** A page of the console's own, to tell a missing console from a missing partyline page */
	private static final String BUNDLES_PAGE = "/system/console/bundles";
	private static final Pattern PARTICIPANT_ROW = Pattern.compile("<tr class=\"participant\">(.*?)</tr>",
			Pattern.DOTALL);
	private static final Pattern TAG = Pattern.compile("<[^>]*>");
	/** A line of Karaf's log at WARN or ERROR, or of an exception and its stack, from any bundle. */
	private static final Pattern ANY_WARNING = Pattern.compile("\\| (WARN|ERROR) |^\\s+at |Exception");
	/** A line of Karaf's log at WARN or ERROR from a partyline bundle: {@code | WARN | ... | 82 - partyline.impl - ...} */
	private static final Pattern PARTYLINE_WARNING = Pattern.compile("\\| (WARN|ERROR) .*\\| \\d+ - partyline\\.");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private KarafProcess karaf;
	private long started;

	@BeforeAll
	@Timeout(value = 240, unit = TimeUnit.SECONDS)
	void startKarafWithThePartyline() throws IOException, InterruptedException {
		started = System.nanoTime();
		karaf = KarafProcess.start(Path.of(System.getProperty("karaf.home")), Path.of(System.getProperty("karaf.instances")),
				Path.of(System.getProperty("karaf.repository")), START);
		long console = System.nanoTime();
		// the same Karaf with its whiteboard and no partyline yet: the figure the one with the partyline compares to
		String whiteboard = karaf.console("feature:install scr http-whiteboard", FEATURES);
		assertFalse(whiteboard.contains("Error"), whiteboard);
		System.out.printf("karaf: %.3f of a core over %d idle seconds without the partyline%n", idleCores(),
				IDLE.toSeconds());
		String version = System.getProperty("partyline.version");
		String added = karaf.console("feature:repo-add mvn:org.partyline/partyline.features/" + version + "/xml/features");
		assertFalse(added.contains("Error"), added);
		String features = karaf.console("feature:install partyline-http", FEATURES);
		assertFalse(features.contains("Error"), features);
		long featuresInstalled = System.nanoTime();
		String urls = PARTICIPANTS.stream().map(name -> "mvn:org.partyline/" + name + "/" + version).collect(joining(" "))
				+ " " + Path.of(System.getProperty("karaf.probe")).toUri();
		String installed = karaf.console("bundle:install -s " + urls);
		assertFalse(installed.contains("Error"), installed); // the tests below show what was installed
		System.out.printf("karaf: console after %d ms, whiteboard, idle measure and partyline-http in %d ms, the"
				+ " participants in %d ms%n", millis(started, console), millis(console, featuresInstalled),
				millis(featuresInstalled, System.nanoTime()));
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
	void aForgedInvitationGets404AndNeverReachesTheServlet() {
		awaitTheProbesInvitation();
		byte[] token = new byte[32];
		new Random(10).nextBytes(token);
		for (String route : List.of("/blog/__invite__/", "/probe/__invite__/")) {
			assertEquals(404, status(request(route).build()), "no token at " + route);
			assertEquals(404, status(request(route).header("Partyline-Invitation", HexFormat.of().formatHex(token))
					.build()), "a made-up token at " + route);
		}
		assertEquals("1", probe("/probe/invitations"), "requests that reached the probe's invite route");
		assertEquals(200, status(request("/blog/").build()), "the blog itself answers");
	}

	@Test
	@Order(2)
	void aParticipantAskingGetsEveryAnswerButItsOwn() {
		// "" until the probe has joined: it asks with the Partyline its invitation carried
		String asked = await("the probe asking").atMost(WAIT).pollInterval(Duration.ofMillis(100))
				.until(() -> probe("/probe/ask?name=url&payload=probe.home"), answer -> !answer.isEmpty());
		assertEquals("[]", asked, "the probe's own url handler is skipped");
		String neutral = partyline("ask url probe.home");
		assertTrue(neutral.contains("/probe/") && neutral.contains("partyline.karaf"), neutral);
	}

	@Test
	@Order(3)
	void theConsoleListsTheNoticeHandlersInPrecedenceOrder() {
		String services = partyline("services");
		assertTrue(Pattern.compile("^notice\\s+1\\s+demo\\.notices \\[\\d+\\]\\s+10\\s+\\d+\\R\\s+2\\s+demo\\.notices \\[\\d+\\]\\s+0\\s",
				Pattern.MULTILINE).matcher(services).find(), services);
		// the blog's and the probe's url handlers, in the order their invitations happened to connect them
		assertTrue(Pattern.compile("^(url)?\\s+[12]\\s+demo\\.blog ", Pattern.MULTILINE).matcher(services).find(), services);
		assertTrue(Pattern.compile("^(url)?\\s+[12]\\s+partyline\\.karaf ", Pattern.MULTILINE).matcher(services).find(),
				services);
	}

	@Test
	@Order(4)
	void theConsoleShowsTheBlogInvitedOnceAndJoined() {
		assertOneInvitationJoined("demo.blog", "/blog/*");
	}

	/**
	 * Karaf's {@code help partyline:ask} shows what {@code partyline:ask --help} prints (its help provider for a
	 * command that is not its own runs it so), in its pager. Over an exec channel Karaf's help prints nothing at all,
	 * even for its own commands, so the test reads what it would show.
	 */
	@Test
	@Order(4)
	void everyPartylineCommandExplainsItselfAndItsOptionsAsKarafsHelpShowsIt() throws IOException {
		Map<String, List<String>> described = Map.of(
				"participants", List.of("show every whiteboard servlet the partyline has seen", "--help"),
				"services", List.of("show every service name with its handlers in the order they answer"),
				"scans", List.of("show how much work finding and inviting servlets has taken"),
				"nodes", List.of("show this framework's partyline node and its peers"),
				"ask", List.of("partyline:ask [options] service-name [payload]", "-d, --deadline",
						"ask asynchronously, waiting at most this many milliseconds", "-n, --times", "-t, --threads",
						"-a, --as", "ask as the bundle of this id", "the payload, a string"));
		for (Map.Entry<String, List<String>> command : described.entrySet()) {
			String help = karaf.console("partyline:" + command.getKey() + " --help");
			for (String words : command.getValue()) {
				assertTrue(help.contains(words), "partyline:" + command.getKey() + " --help says \"" + words
						+ "\":\n" + help);
			}
		}
	}

	@Test
	@Order(5)
	void aServletHotDeployedWhileKarafRunsServesNoRequestBeforeItsInvitationIsAnswered() throws IOException {
		try (RacingRequests racing = RacingRequests.start(http, karaf.http("/gated/page"), RACERS)) {
			String installed = karaf.console("bundle:install -s " + Path.of(System.getProperty("karaf.gated")).toUri());
			assertFalse(installed.contains("Error"), installed);
			// its sibling opted out: it answers while the invitation waits at the gate, or it would tell nothing
			await("the invitation at the gated servlet").atMost(WAIT).pollInterval(Duration.ofMillis(50))
					.until(() -> probe("/gate/arrived"), "1"::equals);
			List<CompletableFuture<String>> meanwhile = IntStream.range(0, MEANWHILE).mapToObj(i -> racing.send())
					.toList();
			CompletableFuture<Object> first = CompletableFuture.anyOf(meanwhile.toArray(CompletableFuture[]::new));
			assertThrows(TimeoutException.class, () -> first.get(HELD_FOR.toMillis(), TimeUnit.MILLISECONDS),
					() -> "answered while the invitation was unanswered: " + first.getNow(null));
			Map<String, Integer> before = racing.tally();
			before.remove("404");
			assertEquals(Map.of(), before, "answers besides the 404s of before it was deployed");

			assertEquals("1", probe("/gate/open"), "the opted-out sibling served while the invitation waited");

			assertEquals(Collections.nCopies(MEANWHILE, "invited"), meanwhile.stream().map(CompletableFuture::join)
					.toList(), "the requests held were served by the joined servlet");
			Map<String, Integer> tally = racing.stop();
			System.out.println("karaf: the gated servlet's page answered " + tally);
			assertTrue(tally.getOrDefault("invited", 0) >= RACERS, tally.toString());
			tally.keySet().removeAll(Set.of("invited", "404"));
			assertEquals(Map.of(), tally, "answers neither the joined servlet's nor a 404 from before it was deployed");
		}
		assertEquals("1", probe("/gate/arrived"), "invitations that reached the gated servlet");
		assertOneInvitationJoined("partyline.karaf.gated", "/gated/*");
	}

	@Test
	@Order(6)
	void anIdleKarafWithThePartylineUsesLessThanAFifthOfACore() throws InterruptedException {
		double cores = idleCores();
		System.out.printf("karaf: %.3f of a core over %d idle seconds with the partyline%n", cores, IDLE.toSeconds());
		assertTrue(cores < 0.2, "CPU of an idle Karaf: " + cores + " of a core");
	}

	/** The share of a core Karaf's JVM uses while nothing is asked of it for {@link #IDLE}. */
	private double idleCores() throws InterruptedException {
		ProcessHandle jvm = karaf.jvm();
		Duration before = cpu(jvm);
		long from = System.nanoTime();
		assertFalse(karaf.awaitExit(IDLE), "Karaf ended while idle:\n" + karaf.diagnostics());
		return (double) cpu(jvm).minus(before).toNanos() / (System.nanoTime() - from);
	}

	@Test
	@Order(7)
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

	@Test
	@Order(8)
	void editingEtcOrgPartylineCfgWhileKarafRunsChangesTheBehaviourWithoutARestart() throws IOException {
		Path cfg = Path.of(System.getProperty("karaf.instances")).resolve("etc").resolve("org.partyline.cfg");
		assertTrue(Files.isRegularFile(cfg), "feature:install partyline writes " + cfg);
		String asked = partyline("ask nobody");
		assertTrue(asked.contains("No handler is connected for service name \"nobody\""), asked);

		String settings = Files.readString(cfg);
		assertTrue(settings.contains("ignoreMissingServices = false"), settings);
		Files.writeString(cfg, settings.replace("ignoreMissingServices = false", "ignoreMissingServices = true"));

		await("ignoreMissingServices applied").atMost(WAIT).pollInterval(Duration.ofMillis(200))
				.until(() -> partyline("ask nobody"), answer -> answer.contains("No handler answers \"nobody\""));
	}

	@Test
	@Order(9)
	void aMalformedValueInEtcOrgPartylineCfgIsAWarningInKarafsLogAndMeansTheDefault() throws IOException {
		Path base = Path.of(System.getProperty("karaf.instances"));
		Path cfg = base.resolve("etc").resolve("org.partyline.cfg");
		Files.writeString(cfg, Files.readString(cfg).replace("isolateFailures = false", "isolateFailures = perhaps"));

		Path log = base.resolve("data").resolve("log").resolve("karaf.log");
		await("the warning in " + log).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> Files.readString(log),
				text -> text.contains("isolateFailures=perhaps is not a boolean; using the default false"));
		String asked = partyline("ask nobody");
		assertTrue(asked.contains("No handler answers \"nobody\""), "the other settings still apply: " + asked);

		// a well-formed file again, so that no later start logs this warning
		Files.writeString(cfg, Files.readString(cfg).replace("isolateFailures = perhaps", "isolateFailures = false"));
		await("the malformed value gone").atMost(WAIT).pollInterval(Duration.ofMillis(200))
				.until(() -> karaf.console("config:property-get --pid org.partyline isolateFailures"),
						value -> value.contains("false"));
	}

	@Test
	@Order(10)
	void restartingTheImplementationFromTheConsoleInvitesTheBlogOnceAgain() throws IOException {
		karaf.console("bundle:restart partyline.impl");

		await("the blog invited again").atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
				assertOneInvitationJoined("demo.blog", "/blog/*"));
		assertTrue(partyline("services").contains("demo.blog"), "the blog's handlers are connected again");
	}

	@Test
	@Order(11)
	void karafsWebConsoleShowsAnAdminThePartylinePageWithTheBlogAmongTheParticipantsAndAsksOthersToLogIn()
			throws IOException {
		long installing = install("webconsole");
		awaitOkAsAdmin(BUNDLES_PAGE);
		System.out.printf("karaf: feature webconsole installed and answering in %d ms%n",
				millis(installing, System.nanoTime()));
		assertEquals(401, status(request(BUNDLES_PAGE).build()), "the console's own page without credentials");

		// installing the console may refresh the impl (its optional imports), which invites the blog anew
		await("the blog joined on " + PAGE).atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			HttpResponse<String> page = send(asAdmin(PAGE).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
			assertEquals(200, page.statusCode(), page::body);
			List<String> blog = participants(page.body()).stream()
					.filter(row -> row.contains("demo.blog [") && row.contains("/blog/*")).toList();
			assertEquals(1, blog.size(), page::body);
			assertTrue(blog.get(0).contains("joined"), blog.get(0));
		});
		assertEquals(401, status(request(PAGE).build()), "the partyline page without credentials");
	}

	@Test
	@Order(12)
	void thePartylineHealthCheckOfFeaturePartylineHealthcheckRunsInTheConsoleAndAtTheHealthCheckServlet()
			throws IOException {
		long installing = install("partyline-healthcheck");
		// hc:exec returns its report: an exec session prints only what is written, hence the pipe; with no check of
		// the tag the report has no rows (and says WARN); the command fails while it is not registered yet
		String report = await("the partyline's check in hc:exec").atMost(WAIT).pollInterval(Duration.ofMillis(200))
				.ignoreExceptionsInstanceOf(IOException.class)
				.until(() -> karaf.console("hc:exec partyline | cat"), output -> output.contains("Partyline"));
		System.out.printf("karaf: feature partyline-healthcheck installed and its check reported in %d ms:%n%s",
				millis(installing, System.nanoTime()), report);
		assertTrue(report.contains("OK"), report);

		HttpResponse<String> json = send(request("/system/health/partyline.json").build(),
				HttpResponse.BodyHandlers.ofString(UTF_8));
		assertEquals(200, json.statusCode(), json::body);
		assertTrue(Pattern.compile("\"name\"\\s*:\\s*\"Partyline\"").matcher(json.body()).find(), json.body());
		assertTrue(Pattern.compile("\"overallResult\"\\s*:\\s*\"OK\"").matcher(json.body()).find(), json.body());
		// the feature's conditional: the Health Check plugin, since the console is installed
		awaitOkAsAdmin("/system/console/healthcheck");
	}

	@Test
	@Order(13)
	void withFeaturePartylineNodeAndEtcOrgPartylineNodeCfgKarafsPartylineIsANodeWhoseRepliesNameIt()
			throws IOException {
		assertTrue(partyline("nodes").contains("This framework is no partyline node"), "no node before");
		long installing = install("partyline-node");
		int port = LoopbackPorts.freePort();
		// the node lists itself among its peers under another host name: its asks cross the partyline's transport
		// (its handshake, its serial filter) into this same Karaf, which needs no JVM-wide filter
		Path cfg = Path.of(System.getProperty("karaf.instances")).resolve("etc").resolve("org.partyline.node.cfg");
		// its peer is itself, whose applications are all here too: only so does an ask cross at all
		Files.writeString(cfg, "name = karaf\nport = " + port + "\nsecret = the-secret-of-this-karaf-node\n"
				+ "peers = localhost:" + port + "\naskPeersForApplicationsHere = true\n");
		try {
			String nodes = await("the node reaching itself").atMost(WAIT).pollInterval(Duration.ofMillis(200))
					.until(() -> partyline("nodes"), output -> output.contains(" reached"));
			System.out.printf("karaf: feature partyline-node installed and the node reached itself in %d ms:%n%s",
					millis(installing, System.nanoTime()), nodes);
			assertTrue(nodes.contains("partyline://localhost:" + port + "/PartylineNode") && nodes.contains("karaf"),
					nodes);

			String asked = partyline("ask url probe.home");
			List<String> fromTheNode = asked.lines().filter(line -> line.startsWith("karaf ")).toList();
			assertTrue(fromTheNode.stream().anyMatch(line -> line.contains("partyline.karaf [") && line.contains("/probe/")),
					asked);
			assertTrue(asked.indexOf("(local)") < asked.indexOf("\nkaraf "), "this framework's replies first: " + asked);
		} finally {
			Files.delete(cfg);
		}
		await("the node gone").atMost(WAIT).pollInterval(Duration.ofMillis(200))
				.until(() -> partyline("nodes"), output -> output.contains("This framework is no partyline node"));
	}

	/**
	 * After a restart ({@code bin/stop}, {@code bin/start}) the bundles come back at their start levels: the
	 * partyline's (50) before the participants (80, Karaf's default), whether installed with {@code bundle:install
	 * -s} (the probe) or through a feature of the user's own. Requests race for a page of each from before the new
	 * Karaf starts; each answers 503 {@code not invited} if it ever serves before its invitation is answered. And the
	 * clean start writes no WARN or ERROR of a partyline bundle into Karaf's log.
	 */
	@Test
	@Order(16)
	@Timeout(value = 240, unit = TimeUnit.SECONDS)
	void aRestartedKarafServesNoParticipantRequestBeforeItsInvitationIsAnswered() throws IOException {
		Path base = Path.of(System.getProperty("karaf.instances"));
		Path repository = base.resolve("participant-features.xml");
		Files.writeString(repository, """
				<features name="partyline-karaf-test" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
					<feature name="featured-participant" version="1.0.0">
						<bundle>%s</bundle>
					</feature>
				</features>
				""".formatted(Path.of(System.getProperty("karaf.featured")).toUri()), UTF_8);
		String added = karaf.console("feature:repo-add " + repository.toUri());
		assertFalse(added.contains("Error"), added);
		install("featured-participant");
		await("the featured participant invited").atMost(WAIT).pollInterval(Duration.ofMillis(100))
				.until(() -> probe("/featured/page"), "invited"::equals);

		Path log = base.resolve("data").resolve("log").resolve("karaf.log");
		long logged = Files.size(log);

		List<RacingRequests> racing = new ArrayList<>();
		long restarting = System.nanoTime();
		karaf = karaf.restarted(START, () -> {
			racing.add(RacingRequests.start(http, karaf.http("/probe/joined"), RACERS));
			racing.add(RacingRequests.start(http, karaf.http("/featured/page"), RACERS));
			racing.add(RacingRequests.start(http, karaf.http(DESK), RACERS)); // the legacy WAR (Orders 14 and 15)
		});
		long up = System.nanoTime();
		await("the participants invited again").atMost(WAIT).pollInterval(Duration.ofMillis(100))
				.until(() -> racing.stream().allMatch(page -> byDeskPage(page.tally()).getOrDefault("invited", 0)
						>= RACERS));
		List<Map<String, Integer>> tallies = racing.stream().map(RacingRequests::stop).map(KarafIT::byDeskPage)
				.toList();
		System.out.printf("karaf: restarted (console and start level 100 after %d ms); /probe/joined answered %s,"
				+ " /featured/page %s, the legacy WAR's page %s%n", millis(restarting, up), tallies.get(0),
				tallies.get(1), tallies.get(2));
		byte[] all = Files.readAllBytes(log);
		String sinceTheRestart = new String(all, (int) logged, all.length - (int) logged, UTF_8);
		for (Map<String, Integer> tally : tallies) {
			Map<String, Integer> wrong = new TreeMap<>(tally);
			wrong.keySet().removeIf(answer -> answer.equals("invited") || answer.equals("404")
					|| answer.startsWith(RacingRequests.NO_ANSWER));
			// a server error's own words are in the tally; whose it was, in the log's warnings of any bundle
			assertEquals(Map.of(), wrong, () -> "answers neither the invited participant's, nor a 404 from before it"
					+ " was deployed, nor none at all: " + tally + "\nKaraf's warnings since the restart:\n"
					+ String.join("\n", sinceTheRestart.lines().filter(ANY_WARNING.asPredicate()).toList()));
		}
		assertOneInvitationJoined("partyline.karaf", "/probe/*");
		assertOneInvitationJoined("partyline.karaf.featured", "/featured/*");
		assertOneInvitationJoined("demo.legacy", "/desk/*");
		assertEquals(List.of(), sinceTheRestart.lines().filter(PARTYLINE_WARNING.asPredicate()).toList(),
				"WARN or ERROR lines of partyline bundles in " + log);
	}

	@Test
	@Order(14)
	void aLegacyWarDeployedWithKarafsWarSupportIsInvitedOnceBeforeItServesAndLinksToTheWhiteboardApplications()
			throws IOException {
		long installing = install("war");
		System.out.printf("karaf: feature war installed in %d ms%n", millis(installing, System.nanoTime()));
		Map<String, Integer> tally;
		try (RacingRequests racing = RacingRequests.start(http, karaf.http(DESK), RACERS)) {
			long deploying = System.nanoTime();
			String installed = karaf.console("bundle:install -s \"" + legacyWar() + "\"");
			assertFalse(installed.contains("Error"), installed);
			await("the WAR invited").atMost(WAIT).pollInterval(Duration.ofMillis(50))
					.until(() -> partyline("participants").contains("demo.legacy ["));
			System.out.printf("karaf: the legacy WAR installed and invited in %d ms%n",
					millis(deploying, System.nanoTime()));
			await("the desk serving").atMost(WAIT).pollInterval(Duration.ofMillis(50))
					.until(() -> byDeskPage(racing.tally()).containsKey("invited"));
			tally = byDeskPage(racing.stop());
		}
		System.out.println("karaf: the legacy WAR's page answered " + tally);
		assertTrue(tally.getOrDefault("invited", 0) > 0, tally.toString());
		tally.keySet().removeAll(Set.of("invited", "404"));
		assertEquals(Map.of(), tally, "answers neither the invited desk's nor a 404 from before it was deployed");
		assertOneInvitationJoined("demo.legacy", "/desk/*");

		String desk = desk();
		assertTrue(desk.contains("<a href=\"/blog/\">Blog</a>"), desk); // (the notices' bundle is gone since Order 7)
		await("the desk in the blog's navigation").atMost(WAIT).pollInterval(Duration.ofMillis(100))
				.untilAsserted(() -> {
					String blog = blog();
					assertTrue(blog.contains("<a href=\"/legacy/desk/\">Support desk</a>"), () -> blog + "\n"
							+ partyline("services") + "\n" + partyline("participants"));
				});
		String answers = partyline("ask url desk.ticket:1");
		assertTrue(answers.lines().anyMatch(line -> line.contains("demo.legacy [") && line.contains("answered")
				&& line.contains("/legacy/desk/tickets/1")), answers);
		// the desk answers 400 to an invite route without a Partyline: the 404 is the gate's, the desk never saw it
		assertEquals(404, status(request(DESK + "__invite__/").build()));
		assertEquals(404, status(request(DESK + "__INVITE__/").build()));
	}

	@Test
	@Order(15)
	void undeployingTheLegacyWarWithdrawsItsHandlersAndRedeployingItInvitesItAgain() throws IOException {
		karaf.console("bundle:stop demo.legacy");

		assertFalse(partyline("participants").contains("demo.legacy ["));
		assertFalse(partyline("ask url desk.ticket:1").contains("demo.legacy"));
		assertFalse(blog().contains("Support desk"));

		karaf.console("bundle:start demo.legacy");

		await("the WAR invited again").atMost(WAIT).pollInterval(Duration.ofMillis(100))
				.until(() -> partyline("participants").contains("demo.legacy ["));
		assertOneInvitationJoined("demo.legacy", "/desk/*");
		await("the desk back in the blog's navigation").atMost(WAIT).pollInterval(Duration.ofMillis(100))
				.until(() -> blog().contains("Support desk"));
		assertTrue(desk().contains("<a href=\"/blog/\">Blog</a>"), desk());
	}

	/** Installs a feature of Karaf's or this build's through the console; returns {@link System#nanoTime()} before. */
	private long install(String feature) throws IOException {
		long installing = System.nanoTime();
		String installed = karaf.console("feature:install " + feature, FEATURES);
		assertFalse(installed.contains("Error"), installed);
		return installing;
	}

	/** Waits for a page of the Web Console to answer the test's admin user 200. */
	private void awaitOkAsAdmin(String path) {
		await(path + " as admin").atMost(WAIT).pollInterval(Duration.ofMillis(200))
				.until(() -> status(asAdmin(path).build()), code -> code == 200);
	}

	/** The text of each row of the page's participants table, its cells' markup replaced by spaces. */
	private static List<String> participants(String page) {
		int table = page.indexOf("<table id=\"participants\"");
		if (table < 0) {
			return List.of();
		}
		String rows = page.substring(table, page.indexOf("</table>", table));
		return PARTICIPANT_ROW.matcher(rows).results().map(row -> TAG.matcher(row.group(1)).replaceAll(" ")).toList();
	}

	/** A request with the Basic credentials of the test's user, an admin of the karaf realm the console checks. */
	private HttpRequest.Builder asAdmin(String path) {
		String credentials = KarafInstance.USER + ":" + KarafInstance.PASSWORD;
		return request(path).header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(UTF_8)));
	}

	/**
	 * A partyline command's output: the functions return it, and an exec session prints only what is written, hence
	 * the pipe to {@code cat}. Once in a while such a session closes before the pipe's output has arrived, and prints
	 * nothing; every partyline command prints something, so it is asked again.
	 */
	private String partyline(String function) {
		return await("partyline:" + function + " printing").atMost(WAIT).pollInterval(Duration.ofMillis(100))
				.until(() -> karaf.console("partyline:" + function + " | cat"), output -> !output.isBlank());
	}

	/** Asserts that {@code partyline:participants} shows one invitation of the bundle's servlet at the pattern, joined. */
	private void assertOneInvitationJoined(String bundle, String pattern) {
		String participants = partyline("participants");
		List<String> rows = participants.lines().filter(line -> line.startsWith(bundle + " [") && line.contains(pattern))
				.toList();
		assertEquals(1, rows.size(), participants);
		assertTrue(rows.get(0).contains("joined"), participants);
	}

	/**
	 * The demo's WAR as a Karaf user installs a plain WAR: Karaf's WAR support makes it a bundle of that name, at that
	 * context path, importing the partyline's API (the only package it needs besides the servlet API, which that
	 * support imports itself).
	 */
	private static String legacyWar() {
		return "webbundle:mvn:org.partyline/demo.legacy/" + System.getProperty("partyline.version")
				+ "/war?Bundle-SymbolicName=demo.legacy&Web-ContextPath=/legacy&Import-Package=org.partyline.api";
	}

	/** The desk's home page, or "" while it does not answer 200. */
	private String desk() {
		HttpResponse<String> response = send(request(DESK).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
		return response.statusCode() == 200 ? response.body() : "";
	}

	/**
	 * A page of the desk: it ends saying whether the desk holds its Partyline, that is, was served after its
	 * invitation. Any other answer (the probes' own "invited", a status, no answer) stays as it is.
	 */
	private static String deskPage(String page) {
		return page.startsWith("<!DOCTYPE html>")
				? page.contains("<footer>Support desk, on the partyline</footer>") ? "invited" : "not invited"
				: page;
	}

	private static Map<String, Integer> byDeskPage(Map<String, Integer> tally) {
		Map<String, Integer> pages = new TreeMap<>();
		tally.forEach((answer, count) -> pages.merge(deskPage(answer), count, Integer::sum));
		return pages;
	}

	/** The blog's page, or "" while it does not answer 200. */
	private String blog() {
		HttpResponse<String> response = send(request("/blog/").build(), HttpResponse.BodyHandlers.ofString(UTF_8));
		return response.statusCode() == 200 ? response.body() : "";
	}

	private void awaitTheProbesInvitation() {
		await("the probe invited").atMost(WAIT).pollInterval(Duration.ofMillis(100))
				.until(() -> probe("/probe/invitations"), "1"::equals);
	}

	/** The probe's answer at {@code path}, or "" while it does not answer 200. */
	private String probe(String path) {
		HttpResponse<String> response = send(request(path).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
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
