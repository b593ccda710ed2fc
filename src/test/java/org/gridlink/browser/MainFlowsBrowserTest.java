package org.gridlink.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.Duration;

import org.gridlink.support.BrowserExtension;
import org.gridlink.support.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The main flows in a real browser: Debian's headless Chromium driven by Debian's chromedriver (both given by
 * path, so Selenium Manager never looks for or downloads anything). A grid worker on a 360 px phone opens their
 * grid from the jurisdiction tree and sees it drawn on the map; the command center at 1280 px sees all 1,291 grids
 * of the district map. Screenshots go to {@code target/screenshots}. Skipped where Chromium is not installed
 * ({@code .ci/run} installs it).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MainFlowsBrowserTest {

	private static final Duration MAP_TIMEOUT = Duration.ofSeconds(60);

	/** Skips the class before the application starts where Chromium is missing; saves what it saw on failure. */
	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	private WebDriver driver;

	@Test
	void gridWorkerOpensTheirGridOnAPhone() {
		driver = browser.open(360, 800);
		logIn("grid1", "王伟");
		assertThat(((Number) browser.js("return window.innerWidth")).intValue()).as("viewport width").isEqualTo(360);

		browser.get("/jurisdictions");
		WebElement node = browser.waiting()
			.until(elementToBeClickable(By.cssSelector("#jurisdiction-tree .tree-node")));
		browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", node);
		node.click();

		browser.waiting().until(urlMatches("/jurisdictions/\\d{12,15}(\\?.*)?$"));
		assertThat(driver.getCurrentUrl()).endsWith("/jurisdictions/" + Demo.GRID1);
		waitForShapes("#grid-map", 1);
		browser.screenshot("grid1-360-grid.png");
	}

	@Test
	void commandCenterSeesTheWholeDistrictMap() {
		driver = browser.open(1280, 900);
		logIn("center", "陈敏");

		browser.get("/jurisdictions");
		browser.waiting().until(visibilityOfElementLocated(By.cssSelector("#jurisdiction-tree .tree-node")));
		browser.screenshot("center-1280-jurisdictions.png");

		browser.get("/map");
		browser.waiting().until(visibilityOfElementLocated(By.id("district-map")));
		int shapes = waitForShapes("#district-map", 1000);
		assertThat(shapes).as("grid shapes drawn on the district map").isGreaterThanOrEqualTo(1000);
		browser.screenshot("center-1280-map.png");
	}

	/** Logs in through the login form, which must be in Chinese without any language choice. */
	private void logIn(String username, String displayName) {
		browser.get("/login");
		WebElement submit = browser.waiting().until(visibilityOfElementLocated(By.id("login-submit")));
		assertThat(submit.getText()).as("login button in the default language").isEqualTo("登录");
		assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
		submit.click();
		browser.waiting().until(d -> !d.getCurrentUrl().contains("/login"));
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
}
