package org.gridlink.quarantine;

import org.gridlink.support.BrowserExtension;
import org.gridlink.support.Demo;
import org.gridlink.support.TestIds;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * Contacts and quarantine in headless Chromium on a phone (360 px) and a desktop (1280 px): record a contact with
 * the form, order centralized quarantine choosing a site (the bed list comes by htmx), see the bed on the site board
 * and release early — every page without sideways scrolling. Skipped where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class QuarantineBrowserTest {

	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	@Autowired
	QuarantineFixture fx;

	private ChromeDriver driver;

	@ParameterizedTest
	@ValueSource(ints = { 360, 1280 })
	void recordOrderBoardAndRelease(int width) {
		ExposureEvent event = fx.event();
		SiteView site = fx.site(2);
		driver = browser.open(width, 900, "community1");

		browser.get("/quarantine/contacts/new");
		fits(width, "contact-form");
		new Select(driver.findElement(By.id("sourceKind"))).selectByValue("EVENT");
		new Select(driver.findElement(By.id("eventId"))).selectByValue(String.valueOf(event.id()));
		driver.findElement(By.id("name")).sendKeys("郑浏览");
		driver.findElement(By.id("idNumber")).sendKeys(TestIds.next());
		driver.findElement(By.id("gridCode")).sendKeys(Demo.GRID1);
		browser.js("document.getElementById('exposureDate').value = arguments[0]",
				QuarantineFixture.today().minusDays(1).toString());
		submit("contact-submit");
		browser.waiting().until(visibilityOfElementLocated(By.id("order-form")));
		assertThat(driver.findElement(By.id("flash")).getText()).isNotBlank();
		fits(width, "person-" + width);

		new Select(driver.findElement(By.id("type"))).selectByValue("CENTRALIZED");
		new Select(driver.findElement(By.id("order-site"))).selectByValue(String.valueOf(site.id()));
		browser.waiting().until(d -> new Select(d.findElement(By.id("order-bed"))).getOptions().size() == 3);
		new Select(driver.findElement(By.id("order-bed"))).selectByIndex(2);
		submit("order-submit");
		WebElement bed = browser.waiting().until(visibilityOfElementLocated(By.id("order-bed")));
		assertThat(bed.getText()).contains(site.name()).endsWith("-2");
		fits(width, "order-" + width);

		bed.click();
		browser.waiting().until(visibilityOfElementLocated(By.id("site-rooms")));
		assertThat(driver.findElement(By.id("site-occupied")).getText()).isEqualTo("1");
		assertThat(driver.findElement(By.id("site-rooms")).getText()).contains("郑*览");
		fits(width, "site-" + width);
		driver.findElement(By.cssSelector("#site-rooms a.gl-bed")).click();

		browser.waiting().until(visibilityOfElementLocated(By.id("release-form")));
		driver.findElement(By.id("release-reason")).sendKeys("转为居家观察后解除");
		submit("release-submit");
		browser.waiting().until(d -> d.findElement(By.id("order-status")).getText().equals("已解除"));
		assertThat(driver.findElement(By.id("order-history")).getText()).contains("离开").contains("解除");
		for (String page : new String[] { "/quarantine/contacts", "/quarantine/orders?status=ACTIVE", "/quarantine/sites" }) {
			browser.get(page);
			browser.waiting().until(visibilityOfElementLocated(By.id("quarantine-tabs")));
			fits(width, page.substring(12).replaceAll("[^a-z]", "") + "-" + width);
		}
	}

	private void submit(String id) {
		browser.click(driver.findElement(By.id(id)));
	}

	private void fits(int width, String name) {
		assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue())
				.as("no sideways scrolling at " + width + " px: " + name).isLessThanOrEqualTo(width);
		browser.screenshot("quarantine-" + name + ".png");
	}
}
