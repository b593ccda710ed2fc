package org.gridlink.passes;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Community staff issue a pass on a 360 px phone through the form, see it with its QR code, and revoke it; the list,
 * form, pass and bulk pages have no sideways scrolling at 360 px and at 1280 px. Skipped without Chromium.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PassStaffBrowserTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	private Chromium browser;
	private WebDriver driver;

	@RegisterExtension
	final AfterTestExecutionCallback onFailure = context -> {
		if (context.getExecutionException().isPresent() && driver != null) {
			String name = context.getRequiredTestMethod().getName() + "-failure";
			browser.screenshot(name + ".png");
			Files.writeString(Chromium.SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(),
					StandardCharsets.UTF_8);
		}
	};

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
	void communityStaffIssueAndRevokeAPassOnAPhone() throws IOException {
		open(360, 800);
		logIn("community1");
		driver.get(url("/passes/new"));
		assertNoSidewaysScrolling();
		driver.findElement(By.id("type-vehicle")).click();
		driver.findElement(By.id("plate")).sendKeys("苏AD" + (10000 + (int) (Math.random() * 89999)));
		driver.findElement(By.id("purpose")).sendKeys("送货");
		WebElement zone = driver.findElement(By.id("zone-" + Demo.GRID1));
		browser.js("arguments[0].scrollIntoView({block: 'center'})", zone);
		zone.click();
		driver.findElement(By.id("issue")).submit();
		browser.waiting(TIMEOUT).until(visibilityOfElementLocated(By.id("pass-qr")));
		assertThat(driver.findElement(By.id("pass-status")).getText()).isEqualTo("有效");
		assertThat((Boolean) browser.js("const i = document.getElementById('pass-qr'); return i.complete && i.naturalWidth > 0"))
				.as("QR image loaded").isTrue();
		assertNoSidewaysScrolling();
		browser.screenshot("pass-360.png");
		driver.findElement(By.id("reason")).sendKeys("车辆已离开");
		driver.findElement(By.id("revoke")).submit();
		browser.waiting(TIMEOUT).until(visibilityOfElementLocated(By.id("flash")));
		assertThat(driver.findElement(By.id("pass-status")).getText()).isEqualTo("已撤销");
		for (String page : new String[] { "/passes", "/passes/bulk" }) {
			driver.get(url(page));
			assertNoSidewaysScrolling();
		}
	}

	@Test
	void thePagesFitADesktop() throws IOException {
		open(1280, 900);
		logIn("center");
		for (String page : new String[] { "/passes", "/passes/new", "/passes/bulk" }) {
			driver.get(url(page));
			browser.waiting(TIMEOUT).until(visibilityOfElementLocated(By.tagName("h1")));
			assertNoSidewaysScrolling();
		}
		browser.screenshot("passes-1280.png");
	}

	private void assertNoSidewaysScrolling() {
		int width = ((Number) browser.js("return window.innerWidth")).intValue();
		assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue())
				.as("no sideways scrolling at " + width + " px on " + driver.getCurrentUrl()).isLessThanOrEqualTo(width);
	}

	private void open(int width, int height) throws IOException {
		browser = Chromium.open(width, height);
		driver = browser.driver();
	}

	private void logIn(String username) {
		browser.logIn(url(""), username);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
