package org.gridlink.quarantine;

import java.io.IOException;
import java.time.Duration;

import org.gridlink.support.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.GRID1;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * On a 360 px phone in headless Chromium: grid1 issues the check-in link on the order's monitoring page (QR code
 * shown), the person opens the link without an account, reports a fever and is thanked; the alert is raised. No page
 * scrolls sideways, the console stays clean. Skipped where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CheckInBrowserTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Chromium browser;
	private ChromeDriver driver;

	@BeforeAll
	static void chromiumIsInstalled() {
		Chromium.assumeInstalled();
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@Test
	void theGridWorkerIssuesTheLinkAndThePersonChecksInOnAPhone() throws IOException {
		long order = new CheckInFixtures(jdbc).homeOrder(GRID1);
		browser = Chromium.open(360, 780);
		driver = browser.driver();
		browser.logIn(url(""), "grid1");

		driver.get(url("/quarantine/orders/" + order + "/monitoring"));
		browser.waiting(TIMEOUT).until(visibilityOfElementLocated(By.id("issue-link"))).click();
		String link = browser.waiting(TIMEOUT).until(visibilityOfElementLocated(By.id("issued-url"))).getText();
		assertThat(driver.findElements(By.cssSelector("#issued-link svg"))).hasSize(1);
		assertThat(scrollWidth()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);
		browser.screenshot("checkins-order-360.png");
		browser.close();

		// the person, on their own phone, without an account
		browser = Chromium.open(360, 780);
		driver = browser.driver();
		driver.get(link);
		WebElement temperature = browser.waiting(TIMEOUT).until(visibilityOfElementLocated(By.id("temperature")));
		assertThat(driver.findElement(By.id("checkin-name")).getText()).isEqualTo(CheckInFixtures.MASKED_NAME);
		assertThat(scrollWidth()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);
		assertThat(temperature.getSize().getHeight()).as("a large touch target").isGreaterThanOrEqualTo(48);
		browser.screenshot("checkins-public-360.png");
		temperature.sendKeys("38.1");
		WebElement cough = driver.findElement(By.id("symptom-COUGH"));
		browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", cough);
		cough.click();
		WebElement send = driver.findElement(By.id("checkin-submit"));
		browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", send);
		send.click();
		browser.waiting(TIMEOUT).until(visibilityOfElementLocated(By.id("checkin-done")));
		browser.screenshot("checkins-public-done-360.png");
		assertThat(jdbc.sql("SELECT reason FROM quarantine_alert WHERE order_id = ? AND kind = 'HEALTH'").param(order)
				.query(String.class).single()).isEqualTo("FEVER_SYMPTOM");
		assertThat(browser.console()).as("browser console").noneMatch(line -> line.startsWith("SEVERE"));
	}

	private int scrollWidth() {
		return ((Number) browser.js("return document.documentElement.scrollWidth")).intValue();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
