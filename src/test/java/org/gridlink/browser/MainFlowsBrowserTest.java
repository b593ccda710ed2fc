package org.gridlink.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.gridlink.support.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * The main flows in a real browser: Debian's headless Chromium driven by Debian's chromedriver (both given by
 * path, so Selenium Manager never looks for or downloads anything). A grid worker on a 360 px phone opens their
 * grid from the jurisdiction tree and sees it drawn on the map; the command center at 1280 px sees all 1,291 grids
 * of the district map. Screenshots go to {@code target/screenshots}. Skipped where Chromium is not installed
 * ({@code .ci/run} installs it).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MainFlowsBrowserTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	private static final Path SCREENSHOTS = Path.of("target", "screenshots");
	private static final Duration TIMEOUT = Duration.ofSeconds(30);
	private static final Duration MAP_TIMEOUT = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	private ChromeDriverService service;
	private WebDriver driver;
	private Path profile;

	/** On failure: a screenshot, the page source and the browser console, before the browser closes. */
	@RegisterExtension
	final AfterTestExecutionCallback onFailure = context -> {
		if (context.getExecutionException().isPresent() && driver != null) {
			String name = context.getRequiredTestMethod().getName() + "-failure";
			screenshot(name + ".png");
			Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
			System.err.println("Browser at " + driver.getCurrentUrl() + ", console: " + console());
		}
	};

	/** Aborting here skips the class before the application starts; surefire then counts no tests for it. */
	@BeforeAll
	static void chromiumIsInstalled() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		String reason = "Browser test skipped: needs " + CHROMIUM + " and " + CHROMEDRIVER
				+ " (apt-get install chromium chromium-driver fonts-noto-cjk)";
		if (!installed) {
			System.err.println(reason);
		}
		Assumptions.assumeTrue(installed, reason);
	}

	@AfterEach
	void closeBrowser() {
		try {
			if (driver != null) {
				driver.quit();
			}
		}
		finally {
			if (service != null) {
				service.stop();
			}
			if (profile != null) {
				FileSystemUtils.deleteRecursively(profile.toFile());
			}
		}
	}

	@Test
	void gridWorkerOpensTheirGridOnAPhone() throws IOException {
		openBrowser(360, 800);
		logIn("grid1", "王伟");
		assertThat(((Number) js("return window.innerWidth")).intValue()).as("viewport width").isEqualTo(360);

		driver.get(url("/jurisdictions"));
		WebElement node = wait(TIMEOUT)
			.until(elementToBeClickable(By.cssSelector("#jurisdiction-tree .tree-node")));
		js("arguments[0].scrollIntoView({block: 'center'})", node);
		node.click();

		wait(TIMEOUT).until(urlMatches("/jurisdictions/\\d{12,15}(\\?.*)?$"));
		assertThat(driver.getCurrentUrl()).endsWith("/jurisdictions/" + Demo.GRID1);
		waitForShapes("#grid-map", 1);
		screenshot("grid1-360-grid.png");
	}

	@Test
	void commandCenterSeesTheWholeDistrictMap() throws IOException {
		openBrowser(1280, 900);
		logIn("center", "陈敏");

		driver.get(url("/jurisdictions"));
		wait(TIMEOUT).until(visibilityOfElementLocated(By.cssSelector("#jurisdiction-tree .tree-node")));
		screenshot("center-1280-jurisdictions.png");

		driver.get(url("/map"));
		wait(TIMEOUT).until(visibilityOfElementLocated(By.id("district-map")));
		int shapes = waitForShapes("#district-map", 1000);
		assertThat(shapes).as("grid shapes drawn on the district map").isGreaterThanOrEqualTo(1000);
		screenshot("center-1280-map.png");
	}

	private void openBrowser(int width, int height) throws IOException {
		profile = Files.createTempDirectory("gridlink-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
				"--user-data-dir=" + profile, "--window-size=" + width + "," + height);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Logs in through the login form, which must be in Chinese without any language choice. */
	private void logIn(String username, String displayName) {
		driver.get(url("/login"));
		WebElement submit = wait(TIMEOUT).until(visibilityOfElementLocated(By.id("login-submit")));
		assertThat(submit.getText()).as("login button in the default language").isEqualTo("登录");
		assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
		submit.click();
		wait(TIMEOUT).until(d -> !d.getCurrentUrl().contains("/login"));
		assertThat(driver.findElements(By.id("login-error"))).isEmpty();
		assertThat(driver.findElement(By.id("gl-user")).getDomProperty("textContent")).contains(displayName);
	}

	/** Waits until Leaflet has drawn at least {@code min} vector shapes in the map and returns their number. */
	private int waitForShapes(String map, int min) {
		String selector = map + " .leaflet-interactive";
		return wait(MAP_TIMEOUT).until(d -> {
			int count = d.findElements(By.cssSelector(selector)).size();
			return count >= min ? count : null;
		});
	}

	private WebDriverWait wait(Duration timeout) {
		return new WebDriverWait(driver, timeout, Duration.ofMillis(100));
	}

	private Object js(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.move(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

	private List<String> console() {
		try {
			return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
				.map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
		}
		catch (RuntimeException ex) {
			return List.of("(console not available: " + ex.getMessage() + ")");
		}
	}
}
