package org.gridlink.mobilization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.COMMUNITY1;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import org.gridlink.support.BrowserExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Community mobilization's phone pages in headless Chromium at 360 px: the posted cadre's duty page and scan page,
 * the volunteer's page with the duty badge and its QR code, and a council meeting page of community staff; no
 * console errors, no sideways scrolling. Skipped where Chromium and chromedriver are not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MobilizationBrowserTest {

	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	@Autowired
	JdbcClient jdbc;

	private void atPhoneWidth(String screenshot) {
		assertThat(((Number) browser.js("return window.innerWidth")).intValue()).isEqualTo(360);
		browser.assertNoSidewaysScrolling();
		browser.screenshot(screenshot);
		browser.assertNoConsoleErrors();
		browser.assertNoScriptErrors();
	}

	@Test
	void theCadreOpensDutyAndTheScanPage() {
		browser.open(360, 800, "cadre1");
		browser.get("/duty");
		WebElement scan = browser.waiting().until(visibilityOfElementLocated(By.id("scan-button")));
		assertThat(browser.driver().findElements(By.cssSelector("#cadre-duty [data-task], #cadre-duty .card")))
				.isNotEmpty();
		atPhoneWidth("mobilization-duty-360.png");
		browser.click(scan);
		browser.waiting().until(visibilityOfElementLocated(By.id("code")));
		assertThat(browser.driver().getCurrentUrl()).contains("/duty/scan");
		atPhoneWidth("mobilization-scan-360.png");
	}

	@Test
	void theVolunteerSeesTheirBadgeWithItsQrCode() {
		browser.open(360, 800, "volunteer1");
		browser.get("/volunteer");
		browser.waiting().until(visibilityOfElementLocated(By.id("duty-badge")));
		WebElement qr = browser.waiting().until(visibilityOfElementLocated(By.cssSelector("#badge-qr svg")));
		assertThat(qr.getSize().getWidth()).isPositive();
		atPhoneWidth("mobilization-volunteer-360.png");
	}

	@Test
	void communityStaffOpenACouncilMeeting() {
		long meeting = jdbc.sql("SELECT MAX(id) FROM council_meeting WHERE community_code = ?").param(COMMUNITY1)
				.query(Long.class).single();
		browser.open(360, 800, "community1");
		browser.get("/council-meetings/" + meeting);
		browser.waiting().until(visibilityOfElementLocated(By.id("decisions")));
		assertThat(browser.driver().findElements(By.cssSelector("[id^='decision-']"))).isNotEmpty();
		atPhoneWidth("mobilization-council-meeting-360.png");
		// the task forms of a decision open without widening the page
		var summaries = browser.driver().findElements(By.cssSelector("[id^='decision-'] details summary"));
		if (!summaries.isEmpty()) {
			browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", summaries.get(0));
			browser.click(summaries.get(0));
			browser.assertNoSidewaysScrolling();
		}
	}
}
