package org.gridlink.passes;

import org.gridlink.support.BrowserExtension;
import org.gridlink.support.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Community staff issue a pass on a 360 px phone through the form, see it with its QR code, and revoke it; the list,
 * form, pass and bulk pages have no sideways scrolling at 360 px and at 1280 px. Skipped without Chromium.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PassStaffBrowserTest {

	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	@Test
	void communityStaffIssueAndRevokeAPassOnAPhone() {
		WebDriver driver = browser.open(360, 800, "community1");
		browser.get("/passes/new");
		browser.assertNoSidewaysScrolling();
		driver.findElement(By.id("type-vehicle")).click();
		driver.findElement(By.id("plate")).sendKeys("苏AD" + (10000 + (int) (Math.random() * 89999)));
		driver.findElement(By.id("purpose")).sendKeys("送货");
		WebElement zone = driver.findElement(By.id("zone-" + Demo.GRID1));
		browser.click(zone);
		driver.findElement(By.id("issue")).submit();
		browser.waiting().until(visibilityOfElementLocated(By.id("pass-qr")));
		assertThat(driver.findElement(By.id("pass-status")).getText()).isEqualTo("有效");
		assertThat((Boolean) browser.js("const i = document.getElementById('pass-qr'); return i.complete && i.naturalWidth > 0"))
				.as("QR image loaded").isTrue();
		browser.assertNoSidewaysScrolling();
		browser.screenshot("pass-360.png");
		driver.findElement(By.id("reason")).sendKeys("车辆已离开");
		driver.findElement(By.id("revoke")).submit();
		browser.waiting().until(visibilityOfElementLocated(By.id("flash")));
		assertThat(driver.findElement(By.id("pass-status")).getText()).isEqualTo("已撤销");
		for (String page : new String[] { "/passes", "/passes/bulk" }) {
			browser.get(page);
			browser.assertNoSidewaysScrolling();
		}
	}

	@Test
	void thePagesFitADesktop() {
		browser.open(1280, 900, "center");
		for (String page : new String[] { "/passes", "/passes/new", "/passes/bulk" }) {
			browser.get(page);
			browser.waiting().until(visibilityOfElementLocated(By.tagName("h1")));
			browser.assertNoSidewaysScrolling();
		}
		browser.screenshot("passes-1280.png");
	}
}
