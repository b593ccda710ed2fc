package org.gridlink.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser of a browser test: Debian's headless Chromium driven by Debian's chromedriver, both given by path so
 * that Selenium Manager never looks for or downloads anything, on the test's running application
 * ({@code @SpringBootTest(webEnvironment = RANDOM_PORT)}). Register it on a static field:
 * {@code @RegisterExtension static final BrowserExtension browser = new BrowserExtension();}
 * <ul>
 * <li>before all: skips the class, before the application starts, where Chromium or chromedriver is missing
 * ({@code apt-get install chromium chromium-driver fonts-noto-cjk});</li>
 * <li>{@link #open(int, int, String)}: a fresh profile and window of that size, signed in on the login form;</li>
 * <li>on failure: a screenshot and the page source under {@code target/screenshots}, the page's service worker
 * state and the console on standard error;</li>
 * <li>after each test: the browser is closed and its profile removed.</li>
 * </ul>
 */
public final class BrowserExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");
	public static final Duration TIMEOUT = Duration.ofSeconds(30);
	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private @Nullable String baseUrl;
	private @Nullable ChromeDriverService service;
	private @Nullable ChromeDriver driver;
	private @Nullable Path profile;

	@Override
	public void beforeAll(ExtensionContext context) {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		String reason = "Browser test skipped: needs " + CHROMIUM + " and " + CHROMEDRIVER
				+ " (apt-get install chromium chromium-driver fonts-noto-cjk)";
		if (!installed) {
			System.err.println(reason);
		}
		Assumptions.assumeTrue(installed, reason);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context).getEnvironment()
			.getRequiredProperty("local.server.port");
		baseUrl = "http://localhost:" + port;
	}

	@Override
	public void afterTestExecution(ExtensionContext context) throws IOException {
		if (context.getExecutionException().isPresent() && driver != null) {
			String name = context.getRequiredTestClass().getSimpleName() + "-"
					+ context.getRequiredTestMethod().getName() + "-failure";
			screenshot(name + ".png");
			Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
			System.err.println("Browser at " + driver.getCurrentUrl() + ", service worker: " + serviceWorker()
					+ ", console: " + console());
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	/** A new browser window of the given size with the console recorded; a browser open before is closed. */
	public ChromeDriver open(int width, int height) {
		close();
		try {
			profile = Files.createTempDirectory("gridlink-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
				"--user-data-dir=" + profile, "--window-size=" + width + "," + height);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(width, height));
		return driver;
	}

	/** A new browser window, signed in as a demo user. */
	public ChromeDriver open(int width, int height, String username) {
		open(width, height);
		logIn(username);
		return driver();
	}

	/** Signs in on the login page with the demo password and waits until the login page is left. */
	public void logIn(String username) {
		ChromeDriver driver = driver();
		driver.get(url("/login"));
		WebElement submit = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
		submit.click();
		waiting().until(d -> !d.getCurrentUrl().contains("/login"));
	}

	public ChromeDriver driver() {
		if (driver == null) {
			throw new IllegalStateException("no browser open: call open(width, height) first");
		}
		return driver;
	}

	/** The address of a path on the application under test. */
	public String url(String path) {
		if (baseUrl == null) {
			throw new IllegalStateException("the application's port is known from beforeEach on");
		}
		return baseUrl + path;
	}

	/** Opens a path of the application. */
	public void get(String path) {
		driver().get(url(path));
	}

	public WebDriverWait waiting() {
		return waiting(TIMEOUT);
	}

	/** A wait that polls through page loads: an element replaced while the page reloads is looked up again. */
	public WebDriverWait waiting(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(driver(), timeout, Duration.ofMillis(100));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		return wait;
	}

	public Object js(String script, Object... args) {
		return driver().executeScript(script, args);
	}

	/** Scrolls an element to the middle of the window and clicks it. */
	public void click(WebElement element) {
		js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
	}

	/** Saves a screenshot of the window under {@code target/screenshots}. */
	public void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path shot = driver().getScreenshotAs(OutputType.FILE).toPath();
			Files.move(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int scrollWidth() {
		return ((Number) js("return document.documentElement.scrollWidth")).intValue();
	}

	/** The page is no wider than the window. */
	public void assertNoSidewaysScrolling() {
		int width = ((Number) js("return window.innerWidth")).intValue();
		assertThat(scrollWidth()).as("no sideways scrolling at " + width + " px on " + driver().getCurrentUrl())
			.isLessThanOrEqualTo(width);
	}

	/** No script was refused by the Content Security Policy and none threw. */
	public void assertNoScriptErrors() {
		assertThat(console()).as("browser console")
			.noneMatch(line -> line.contains("Content Security Policy") || line.contains("Uncaught"));
	}

	/** Nothing at level SEVERE in the console (script errors, failed requests). */
	public void assertNoConsoleErrors() {
		assertThat(console()).as("browser console").noneMatch(line -> line.startsWith("SEVERE"));
	}

	/**
	 * What the page says of its service worker (static/js/offline.js: ready, the reason it is not, the worker's states)
	 * and which worker controls it, for failure reports.
	 */
	public String serviceWorker() {
		try {
			return String.valueOf(js("var r = document.documentElement; return 'ready=' + r.getAttribute('data-gl-offline-ready')"
					+ " + ', error=' + r.getAttribute('data-gl-offline-error') + ', states=' + r.getAttribute('data-gl-offline-state')"
					+ " + ', controller=' + (navigator.serviceWorker && navigator.serviceWorker.controller"
					+ " ? navigator.serviceWorker.controller.scriptURL : null)"));
		}
		catch (RuntimeException ex) {
			return "(not available: " + ex.getMessage() + ")";
		}
	}

	/** The browser console so far, for failure reports. */
	public List<String> console() {
		try {
			return driver().manage().logs().get(LogType.BROWSER).getAll().stream()
				.map(entry -> entry.getLevel() + " " + entry.getMessage())
				.toList();
		}
		catch (RuntimeException ex) {
			return List.of("(console not available: " + ex.getMessage() + ")");
		}
	}

	/** Closes the browser, if one is open, and removes its profile. */
	public void close() {
		ChromeDriver open = driver;
		driver = null;
		try {
			if (open != null) {
				open.quit();
			}
		}
		finally {
			if (service != null) {
				service.stop();
				service = null;
			}
			if (profile != null) {
				FileSystemUtils.deleteRecursively(profile.toFile());
				profile = null;
			}
		}
	}
}
