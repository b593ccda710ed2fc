package org.gridlink.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import org.gridlink.support.Chromium;
import org.gridlink.support.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main flows in a real browser: Debian's headless Chromium driven by Debian's chromedriver (both given by
 * path, so Selenium Manager never looks for or downloads anything). A grid worker on a 360 px phone opens their
 * grid from the jurisdiction tree and sees it drawn on the map; the command center at 1280 px sees all 1,291 grids
 * of the district map. Screenshots go to {@code target/screenshots}. Skipped where Chromium is not installed
 * ({@code .ci/run} installs it).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MainFlowsBrowserTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);
	private static final Duration MAP_TIMEOUT = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	private Chromium browser;
	private WebDriver driver;

	/** On failure: a screenshot, the page source and the browser console, before the browser closes. */
	@RegisterExtension
	final AfterTestExecutionCallback onFailure = context -> {
		if (context.getExecutionException().isPresent() && driver != null) {
			String name = context.getRequiredTestMethod().getName() + "-failure";
			browser.screenshot(name + ".png");
			Files.writeString(Chromium.SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(),
					StandardCharsets.UTF_8);
			System.err.println("Browser at " + driver.getCurrentUrl() + ", console: " + browser.console());
		}
	};

	/** Aborting here skips the class before the application starts; surefire then counts no tests for it. */
	@BeforeAll
	static void chromiumIsInstalled() {
		Chromium.assumeInstalled();
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void gridWorkerOpensTheirGridOnAPhone() throws IOException {
		openBrowser(360, 800);
		logIn("grid1", "王伟");
		assertThat(((Number) browser.js("return window.innerWidth")).intValue()).as("viewport width").isEqualTo(360);

		driver.get(url("/jurisdictions"));
		WebElement node = browser.waiting(TIMEOUT)
			.until(elementToBeClickable(By.cssSelector("#jurisdiction-tree .tree-node")));
		browser.js("arguments[0].scrollIntoView({block: 'center'})", node);
		node.click();

		browser.waiting(TIMEOUT).until(urlMatches("/jurisdictions/\\d{12,15}(\\?.*)?$"));
		assertThat(driver.getCurrentUrl()).endsWith("/jurisdictions/" + Demo.GRID1);
		waitForShapes("#grid-map", 1);
		browser.screenshot("grid1-360-grid.png");
	}

	@Test
	void commandCenterSeesTheWholeDistrictMap() throws IOException {
		openBrowser(1280, 900);
		logIn("center", "陈敏");

		driver.get(url("/jurisdictions"));
		browser.waiting(TIMEOUT).until(visibilityOfElementLocated(By.cssSelector("#jurisdiction-tree .tree-node")));
		browser.screenshot("center-1280-jurisdictions.png");

		driver.get(url("/map"));
		browser.waiting(TIMEOUT).until(visibilityOfElementLocated(By.id("district-map")));
		int shapes = waitForShapes("#district-map", 1000);
		assertThat(shapes).as("grid shapes drawn on the district map").isGreaterThanOrEqualTo(1000);
		browser.screenshot("center-1280-map.png");
	}

	private void openBrowser(int width, int height) throws IOException {
		browser = Chromium.open(width, height);
		driver = browser.driver();
	}

	/** Logs in through the login form, which must be in Chinese without any language choice. */
	private void logIn(String username, String displayName) {
		driver.get(url("/login"));
		WebElement submit = browser.waiting(TIMEOUT).until(visibilityOfElementLocated(By.id("login-submit")));
		assertThat(submit.getText()).as("login button in the default language").isEqualTo("登录");
		assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
		submit.click();
		browser.waiting(TIMEOUT).until(d -> !d.getCurrentUrl().contains("/login"));
		assertThat(driver.findElements(By.id("login-error"))).isEmpty();
		assertThat(driver.findElement(By.id("gl-user")).getDomProperty("textContent")).contains(displayName);
	}

	/** Waits until Leaflet has drawn at least {@code min} vector shapes in the map and returns their number. */
	private int waitForShapes(String map, int min) {
		String selector = map + " .leaflet-interactive";
		return browser.waiting(MAP_TIMEOUT).until(d -> {
			int count = d.findElements(By.cssSelector(selector)).size();
			return count >= min ? count : null;
		});
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
