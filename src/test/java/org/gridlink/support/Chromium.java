package org.gridlink.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
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
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, both given by path so that Selenium Manager never
 * looks for or downloads anything; a fresh profile per browser, removed on {@link #close()}. Browser tests call
 * {@link #assumeInstalled()} first: without Chromium ({@code .ci/run} installs it) they are skipped.
 */
public final class Chromium implements AutoCloseable {

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");
	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final ChromeDriverService service;
	private final ChromeDriver driver;
	private final Path profile;

	private Chromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
		this.service = service;
		this.driver = driver;
		this.profile = profile;
	}

	public static void assumeInstalled() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		String reason = "Browser test skipped: needs " + CHROMIUM + " and " + CHROMEDRIVER
				+ " (apt-get install chromium chromium-driver fonts-noto-cjk)";
		if (!installed) {
			System.err.println(reason);
		}
		Assumptions.assumeTrue(installed, reason);
	}

	/** A browser window of the given size, with the browser console recorded. */
	public static Chromium open(int width, int height) throws IOException {
		Path profile = Files.createTempDirectory("gridlink-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
				"--user-data-dir=" + profile, "--window-size=" + width + "," + height);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(width, height));
		return new Chromium(service, driver, profile);
	}

	public ChromeDriver driver() {
		return driver;
	}

	public WebDriverWait waiting(Duration timeout) {
		return new WebDriverWait(driver, timeout, Duration.ofMillis(100));
	}

	public Object js(String script, Object... args) {
		return driver.executeScript(script, args);
	}

	/** Signs in on the login page of {@code baseUrl} with the demo password and waits until the login page is left. */
	public void logIn(String baseUrl, String username) {
		driver.get(baseUrl + "/login");
		WebElement submit = waiting(Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
		submit.click();
		waiting(Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
	}

	/** Saves a screenshot of the window under {@code target/screenshots}. */
	public void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
		Files.move(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

	/** The browser console so far, for failure reports. */
	public List<String> console() {
		try {
			return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
				.map(entry -> entry.getLevel() + " " + entry.getMessage())
				.toList();
		}
		catch (RuntimeException ex) {
			return List.of("(console not available: " + ex.getMessage() + ")");
		}
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			service.stop();
			FileSystemUtils.deleteRecursively(profile.toFile());
		}
	}
}
