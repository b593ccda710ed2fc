package org.gridlink.quarantine;

import org.gridlink.support.BrowserExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
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

	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	@Autowired
	JdbcClient jdbc;

	@Test
	void theGridWorkerIssuesTheLinkAndThePersonChecksInOnAPhone() {
		long order = new CheckInFixtures(jdbc).homeOrder(GRID1);
		ChromeDriver driver = browser.open(360, 780, "grid1");

		browser.get("/quarantine/orders/" + order + "/monitoring");
		browser.waiting().until(visibilityOfElementLocated(By.id("issue-link"))).click();
		String link = browser.waiting().until(visibilityOfElementLocated(By.id("issued-url"))).getText();
		assertThat(driver.findElements(By.cssSelector("#issued-link svg"))).hasSize(1);
		assertThat(browser.scrollWidth()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);
		browser.screenshot("checkins-order-360.png");
		browser.close();

		// the person, on their own phone, without an account
		driver = browser.open(360, 780);
		driver.get(link);
		WebElement temperature = browser.waiting().until(visibilityOfElementLocated(By.id("temperature")));
		assertThat(driver.findElement(By.id("checkin-name")).getText()).isEqualTo(CheckInFixtures.MASKED_NAME);
		assertThat(browser.scrollWidth()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);
		assertThat(temperature.getSize().getHeight()).as("a large touch target").isGreaterThanOrEqualTo(48);
		browser.screenshot("checkins-public-360.png");
		temperature.sendKeys("38.1");
		browser.click(driver.findElement(By.id("symptom-COUGH")));
		browser.click(driver.findElement(By.id("checkin-submit")));
		browser.waiting().until(visibilityOfElementLocated(By.id("checkin-done")));
		browser.screenshot("checkins-public-done-360.png");
		assertThat(jdbc.sql("SELECT reason FROM quarantine_alert WHERE order_id = ? AND kind = 'HEALTH'").param(order)
				.query(String.class).single()).isEqualTo("FEVER_SYMPTOM");
		browser.assertNoConsoleErrors();
	}
}
