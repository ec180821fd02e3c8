package org.partyline.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver. Both are named by path: given no driver,
 * Selenium Manager would try to download one, and the build machine downloads nothing outside the registries.
 */
final class HeadlessChromium implements AutoCloseable {

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");
	static final Path BROWSER = Path.of("/usr/bin/chromium");
	private static final int WIDTH = 1280;
	/** Held so the level sticks (JUL keeps loggers weakly): the test uses no DevTools, yet ChromeDriver warns at start
	 * that this Selenium has no DevTools classes matching the browser's version. */
	private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

	/** What the browser's navigation and resource timing say of the page loaded last. */
	record PageTiming(long documentBytes, long resourceBytes, long resources, long loadedMillis) {
	}

	private final ChromeDriverService service;
	private final ChromeDriver driver;

	private HeadlessChromium(ChromeDriverService service, ChromeDriver driver) {
		this.service = service;
		this.driver = driver;
	}

	/** Starts the browser, or fails saying which Debian packages are missing. */
	static HeadlessChromium start() throws IOException {
		List<String> missing = new ArrayList<>();
		if (!Files.isExecutable(BROWSER)) {
			missing.add("chromium (" + BROWSER + ")");
		}
		if (!Files.isExecutable(DRIVER)) {
			missing.add("chromium-driver (" + DRIVER + ")");
		}
		if (!missing.isEmpty()) {
			throw new AssertionError("the browser test needs Debian's chromium and chromium-driver; missing: "
					+ String.join(", ", missing) + ". Install them with: apt-get install chromium chromium-driver"
					+ " (.ci/run does when they are missing)");
		}
		DEVTOOLS.setLevel(Level.SEVERE);
		ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(DRIVER.toFile())
				.usingAnyFreePort()
				.build();
		ChromeOptions options = new ChromeOptions()
				.setBinary(BROWSER.toFile())
				// root in a container: no sandbox, and /dev/shm is often too small for the renderer
				.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
						"--no-first-run", "--window-size=" + WIDTH + ",1000");
		try {
			return new HeadlessChromium(service, new ChromeDriver(service, options));
		} catch (RuntimeException e) {
			service.stop();
			throw e;
		}
	}

	ChromeDriver driver() {
		return driver;
	}

	WebDriverWait waitAtMost(Duration timeout) {
		return new WebDriverWait(driver, timeout, Duration.ofMillis(50));
	}

	/** The navigation entry's document size and load end, and the sizes of the resources the page loaded. */
	PageTiming timing() {
		waitAtMost(Duration.ofSeconds(10)).until(browser -> (Boolean) driver.executeScript(
				"const n = performance.getEntriesByType('navigation')[0]; return n !== undefined && n.loadEventEnd > 0;"));
		@SuppressWarnings("unchecked")
		Map<String, Number> timing = (Map<String, Number>) driver.executeScript(
				"const n = performance.getEntriesByType('navigation')[0];"
						+ " const r = performance.getEntriesByType('resource');"
						+ " return { document: n.decodedBodySize, loaded: Math.round(n.loadEventEnd - n.startTime),"
						+ " resources: r.length, resourceBytes: r.reduce((sum, e) => sum + e.decodedBodySize, 0) };");
		return new PageTiming(timing.get("document").longValue(), timing.get("resourceBytes").longValue(),
				timing.get("resources").longValue(), timing.get("loaded").longValue());
	}

	/** Saves the whole page as PNG: the window is made as tall as the page first. */
	Path screenshot(Path file) throws IOException {
		Number height = (Number) driver.executeScript(
				"return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);");
		driver.manage().window().setSize(new Dimension(WIDTH, Math.max(600, Math.min(height.intValue() + 40, 8000))));
		Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
		Files.createDirectories(file.toAbsolutePath().getParent());
		return Files.move(shot, file, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Ends the browser and its driver, whatever state they are in. */
	@Override
	public void close() {
		try {
			driver.quit();
		} finally {
			service.stop();
		}
	}
}
