package org.partyline.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The partyline's Web Console page in a real browser: headless Chromium logs in to Felix Web Console 5 in a
 * launcher process of its own, reads the demo's participants and handlers, asks through the page's form, and
 * checks that markup in a request comes back as text. The last state of the page is saved as a screenshot in
 * target/ on every run, pass or fail.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class ConsoleInBrowserIT {

	private static final Duration START = Duration.ofSeconds(30);
	private static final Duration WAIT = Duration.ofSeconds(10);
	/** The launcher's default console credentials (on loopback only). */
	private static final String USER = "admin";
	private static final String PASSWORD = "admin";
	private static final String PAGE = "/system/console/partyline";
	private static final String SCRIPT = "<script>alert(1)</script>";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final Path screenshot = Path.of(System.getProperty("partyline.jar")).resolveSibling("console-partyline.png");
	private HeadlessChromium browser;
	private ChromeDriver driver;
	private Path workDir;
	private LauncherProcess launcher;
	private URI endpoint;
	private HeadlessChromium.PageTiming firstLoad;

	@BeforeAll
	void startTheLauncherAndTheBrowser() throws Exception {
		browser = HeadlessChromium.start(); // first: without a browser, say what to install before waiting for anything
		driver = browser.driver();
		workDir = Files.createTempDirectory("partyline-console-it-");
		launcher = LauncherProcess.start(Path.of(System.getProperty("partyline.jar")), workDir, workDir.resolve("watched"));
		endpoint = launcher.awaitEndpoint(START);
		awaitTheConsolePage();
	}

	@AfterAll
	void stopTheBrowserAndTheLauncher() throws IOException {
		try {
			saveTheScreenshot();
		} finally {
			try {
				if (browser != null) {
					browser.close();
				}
			} finally {
				if (launcher != null) {
					launcher.close();
				}
				deleteWorkDir();
			}
		}
	}

	@Test
	@Order(1)
	void thePageListsTheDemoParticipantsAndTheHandlersTheyConnected() {
		openThePage();
		firstLoad = browser.timing();

		List<Map<String, String>> participants = rows("participants", "participant");
		for (String demo : List.of("demo.shop", "demo.blog")) {
			Map<String, String> row = rowOf(participants, "Bundle", demo + " [");
			assertTrue(cell(row, "Bundle").matches("\\Q" + demo + "\\E \\[\\d+\\]"), "Bundle reads 'symbolic.name [id]': " + row);
			assertTrue(cell(row, "Handlers").contains("url"), demo + " lists its url handler: " + row);
		}

		List<Map<String, String>> handlers = rows("services", "handler");
		for (String demo : List.of("demo.shop", "demo.blog")) {
			Map<String, String> url = handlers.stream()
					.filter(row -> "url".equals(cell(row, "Service name")) && cell(row, "Bundle").contains(demo))
					.findFirst()
					.orElseThrow(() -> new AssertionError("no url handler of " + demo + " in #services: " + handlers));
			assertEquals("got", cell(url, "Object"), "the handler's object could be had: " + url);
		}
		List<String> names = handlers.stream().map(row -> cell(row, "Service name")).distinct().toList();
		assertTrue(names.containsAll(List.of("url", "nav", "notice")), "service names shown: " + names);
	}

	@Test
	@Order(2)
	void markupInTheAskComesBackAsTextAndOpensNoDialog() {
		openThePage();
		ask("url", SCRIPT);
		assertNoDialogAndNoInjectedScript();
		List<Map<String, String>> replies = rows("replies", "reply");
		assertTrue(replies.stream().allMatch(reply -> cell(reply, "Outcome").contains("declined")),
				"no demo handler answers a script: " + replies);

		ask(SCRIPT, "kettle"); // a service name nobody connected is echoed in the page's words
		assertNoDialogAndNoInjectedScript();
		String noReplies = driver.findElement(By.id("no-replies")).getText();
		assertTrue(noReplies.contains(SCRIPT), "the service name shows as text, tags and all: " + noReplies);
	}

	@Test
	@Order(3)
	void aPostWithoutATokenOfThePageIsRefusedAndOneWithItIsAnswered() {
		openThePage();
		String token = driver.findElement(By.cssSelector("#ask input[name=token]")).getDomProperty("value");
		Map<String, String> kettle = Map.of("serviceName", "url", "payload", "shop.product:kettle");

		HttpResponse<String> without = post(kettle);
		assertEquals(403, without.statusCode(), "no token: " + without.body());
		assertFalse(without.body().contains("/shop/products/kettle"), "nothing is asked without a token: " + without.body());

		HttpResponse<String> forged = post(with(kettle, "token", forged(token)));
		assertEquals(403, forged.statusCode(), "a forged token: " + forged.body());

		HttpResponse<String> genuine = post(with(kettle, "token", token));
		assertEquals(200, genuine.statusCode(), "the page's own token is accepted: " + genuine.body());
		assertTrue(genuine.body().contains("/shop/products/kettle"), genuine.body());
	}

	@Test
	@Order(4) // last: the screenshot shows its replies
	void askingForTheKettlesUrlShowsEachHandlersReplyWithItsBundle() {
		openThePage();
		ask("url", "shop.product:kettle");

		List<Map<String, String>> replies = rows("replies", "reply");
		Map<String, String> shop = rowOf(replies, "Bundle", "demo.shop");
		assertEquals("/shop/products/kettle", cell(shop, "Answer"), "the shop answers: " + shop);
		Map<String, String> blog = rowOf(replies, "Bundle", "demo.blog");
		assertTrue(cell(blog, "Outcome").contains("declined"), "the blog declines: " + blog);
	}

	/** The launcher says it serves before the console has registered its plugins: wait, then say what is missing. */
	private void awaitTheConsolePage() throws IOException {
		try {
			await("the console's partyline page").atMost(WAIT).pollInterval(Duration.ofMillis(100))
					.until(() -> status(PAGE) == 200);
		} catch (ConditionTimeoutException e) {
			int page = status(PAGE);
			int console = status("/system/console/bundles");
			String missing = console == 404 ? "Felix Web Console is not in the launcher (no /system/console/bundles)"
					: console == 401 ? "the console refuses " + USER + "/" + PASSWORD
					: "the console answers (" + console + ") but has no partyline page (label partyline)";
			throw new AssertionError(PAGE + " answers " + page + " with " + USER + "/" + PASSWORD + ": " + missing
					+ "\nlauncher output:\n" + launcher.output(), e);
		}
	}

	/** Opens the page as a user logs in to the console: with Basic credentials in the URL, which Chromium keeps for the origin. */
	private void openThePage() {
		String withCredentials = "http://" + USER + ":" + PASSWORD + "@" + endpoint.getAuthority() + PAGE;
		driver.get(withCredentials);
		try {
			browser.waitAtMost(WAIT).until(presenceOfElementLocated(By.id("partyline")));
		} catch (TimeoutException e) {
			throw new AssertionError("no <div id=\"partyline\"> at " + PAGE + "; the browser shows '" + driver.getTitle()
					+ "':\n" + driver.findElement(By.tagName("body")).getText(), e);
		}
	}

	/** Fills and submits the ask form, and waits for the page that answers it. */
	private void ask(String serviceName, String payload) {
		WebElement form = driver.findElement(By.id("ask"));
		type(form.findElement(By.name("serviceName")), serviceName);
		type(form.findElement(By.name("payload")), payload);
		form.findElement(By.id("ask-submit")).click();
		browser.waitAtMost(WAIT).until(stalenessOf(form));
		browser.waitAtMost(WAIT).until(presenceOfElementLocated(By.cssSelector("#replies, #no-replies")));
	}

	private static void type(WebElement input, String text) {
		input.clear();
		input.sendKeys(text);
	}

	private void assertNoDialogAndNoInjectedScript() {
		assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert(), "a dialog opened");
		Number injected = (Number) driver.executeScript("return [...document.querySelectorAll('#partyline script')]"
				+ ".filter(s => s.textContent.includes('alert(1)')).length;");
		assertEquals(0, injected.intValue(), "script elements made of the request:\n" + driver.getPageSource());
	}

	/**
	 * The rows of a table of the page as header-to-cell maps. A row with fewer cells than headers takes its leading
	 * cells from the row above, so a cell spanning rows (the service name over its handlers) reads on each.
	 */
	private List<Map<String, String>> rows(String tableId, String rowClass) {
		WebElement table;
		try {
			table = driver.findElement(By.id(tableId));
		} catch (WebDriverException e) {
			throw new AssertionError("no <table id=\"" + tableId + "\">; the page reads:\n"
					+ driver.findElement(By.id("partyline")).getText(), e);
		}
		List<String> headers = table.findElements(By.tagName("th")).stream().map(WebElement::getText).toList();
		List<Map<String, String>> rows = new ArrayList<>();
		List<String> above = List.of();
		for (WebElement row : table.findElements(By.cssSelector("tr." + rowClass))) {
			List<String> cells = new ArrayList<>(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
			int spanned = Math.min(headers.size() - cells.size(), above.size());
			if (spanned > 0) {
				cells.addAll(0, above.subList(0, spanned));
			}
			Map<String, String> byHeader = new HashMap<>();
			for (int i = 0; i < Math.min(headers.size(), cells.size()); i++) {
				byHeader.put(headers.get(i), cells.get(i));
			}
			rows.add(byHeader);
			above = cells;
		}
		assertFalse(rows.isEmpty(), "#" + tableId + " has no tr." + rowClass + " under " + headers);
		return rows;
	}

	private static Map<String, String> rowOf(List<Map<String, String>> rows, String header, String part) {
		return rows.stream()
				.filter(row -> cell(row, header).contains(part))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no row whose " + header + " has '" + part + "': " + rows));
	}

	private static String cell(Map<String, String> row, String header) {
		String cell = row.get(header);
		if (cell == null) {
			throw new AssertionError("no column '" + header + "' in " + row.keySet());
		}
		return cell;
	}

	private static Map<String, String> with(Map<String, String> form, String name, String value) {
		Map<String, String> more = new HashMap<>(form);
		more.put(name, value);
		return more;
	}

	/** The page's token with its last character changed. */
	private static String forged(String token) {
		char last = token.charAt(token.length() - 1);
		return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
	}

	private HttpResponse<String> post(Map<String, String> form) {
		String body = form.entrySet().stream()
				.map(field -> URLEncoder.encode(field.getKey(), UTF_8) + "=" + URLEncoder.encode(field.getValue(), UTF_8))
				.collect(Collectors.joining("&"));
		return send(authorized(PAGE)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
	}

	private int status(String path) {
		try {
			return send(authorized(path).GET().build()).statusCode();
		} catch (UncheckedIOException e) {
			return -1;
		}
	}

	private HttpRequest.Builder authorized(String path) {
		String credentials = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(UTF_8));
		return HttpRequest.newBuilder(endpoint.resolve(path))
				.timeout(Duration.ofSeconds(5))
				.header("Authorization", "Basic " + credentials);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Whatever the page shows at the end, pass or fail; a screenshot that cannot be had does not hide the failure. */
	private void saveTheScreenshot() {
		if (browser == null) {
			return;
		}
		String measured = firstLoad == null ? "page not measured"
				: String.format("page %d bytes (+%d bytes in %d resources), rendered in %d ms",
						firstLoad.documentBytes(), firstLoad.resourceBytes(), firstLoad.resources(), firstLoad.loadedMillis());
		try {
			Path saved = browser.screenshot(screenshot);
			System.out.printf("console: screenshot %s, %s%n", Path.of("").toAbsolutePath().relativize(saved.toAbsolutePath()), measured);
		} catch (IOException | WebDriverException e) {
			System.out.printf("console: no screenshot (%s), %s%n", e.getMessage().lines().findFirst().orElse(""), measured);
		}
	}

	private void deleteWorkDir() throws IOException {
		if (workDir == null) {
			return;
		}
		try (Stream<Path> paths = Files.walk(workDir)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}
}
