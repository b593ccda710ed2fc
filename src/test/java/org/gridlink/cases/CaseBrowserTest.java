package org.gridlink.cases;

import java.util.Map;

import org.gridlink.support.BrowserExtension;
import org.gridlink.support.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * The loop in headless Chromium: grid1 reports on the phone page at 360 px with the phone's location; the center
 * files and dispatches it on the case page at 1280 px (the lead unit comes pre-filled from the routing rule); dept1
 * accepts and feeds back. Screenshots in target/screenshots. Skipped where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CaseBrowserTest {

	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	@Autowired
	JdbcClient jdbc;

	private ChromeDriver driver;

	@Test
	void reportOnThePhoneThenFileDispatchAcceptAndFeedBack() {
		String description = "浏览器测试：人行道井盖破损 " + System.nanoTime();

		// grid1 on a phone, at the place: the location is the phone's
		driver = browser.open(360, 780, "grid1");
		driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", java.util.List.of("geolocation"),
				"origin", browser.url("")));
		driver.executeCdpCommand("Emulation.setGeolocationOverride",
				Map.of("latitude", 33.797, "longitude", 119.004, "accuracy", 10));
		browser.get("/cases/report");
		browser.waiting().until(visibilityOfElementLocated(By.id("report-form")));
		browser.assertNoSidewaysScrolling();
		new Select(driver.findElement(By.id("major"))).selectByValue("C01");
		assertThat(visibleMinorGroups()).as("the minor list shows the chosen major class only").containsOnly("C01");
		new Select(driver.findElement(By.id("major"))).selectByValue("E01");
		new Select(driver.findElement(By.id("categoryCode"))).selectByValue("E0101");
		driver.findElement(By.id("description")).sendKeys(description);
		driver.findElement(By.id("address")).sendKeys("金桥路 18 号门前");
		browser.click(driver.findElement(By.id("use-location")));
		browser.waiting().until(d -> !d.findElement(By.id("lat")).getAttribute("value").isEmpty());
		assertThat(driver.findElement(By.id("location-status")).getText()).contains("33.797");
		browser.screenshot("cases-360-report.png");
		browser.click(driver.findElement(By.id("report-submit")));
		browser.waiting().until(urlMatches(".*/cases/\\d+$"));
		String caseUrl = driver.getCurrentUrl();
		long id = Long.parseLong(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));
		assertThat(driver.findElement(By.id("flash")).getText()).contains("已上报");
		assertThat(driver.findElement(By.id("case-place")).getText()).contains(Demo.GRID1);
		browser.waiting().until(d -> !d.findElements(By.cssSelector("#case-map .leaflet-interactive")).isEmpty());
		browser.assertNoSidewaysScrolling();
		browser.screenshot("cases-360-reported.png");
		browser.assertNoScriptErrors();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE description = ?").param(description)
				.query(Long.class).single()).isEqualTo(1);
		browser.close();

		// the center at a desk: file, then dispatch to the unit the routing rule names
		driver = browser.open(1280, 900, "center");
		driver.get(caseUrl);
		browser.click(browser.waiting().until(visibilityOfElementLocated(By.id("do-file"))));
		statusShows("已立案");
		WebElement lead = browser.waiting().until(visibilityOfElementLocated(By.id("dispatch-unit")));
		assertThat(new Select(lead).getFirstSelectedOption().getText()).isEqualTo("区城市管理局");
		browser.screenshot("cases-1280-dispatch.png");
		browser.click(driver.findElement(By.id("do-dispatch")));
		statusShows("已派遣");
		assertThat(driver.findElement(By.id("case-lead")).getText()).contains("区城市管理局");
		assertThat(driver.findElement(By.id("case-deadline")).getText()).matches(".*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*");
		assertThat(driver.findElements(By.id("action-accept"))).as("the center does not accept for the unit").isEmpty();
		browser.screenshot("cases-1280-dispatched.png");
		browser.assertNoScriptErrors();
		browser.close();

		// dept1 (区城市管理局) accepts and feeds back
		driver = browser.open(1280, 900, "dept1");
		driver.get(caseUrl);
		browser.click(browser.waiting().until(visibilityOfElementLocated(By.id("do-accept"))));
		statusShows("已签收");
		WebElement note = browser.waiting().until(visibilityOfElementLocated(By.id("note-feedback")));
		note.sendKeys("已更换井盖");
		browser.click(driver.findElement(By.id("do-feedback")));
		statusShows("处置完毕");
		assertThat(driver.findElement(By.id("case-timeline")).getText()).contains("已更换井盖");
		browser.screenshot("cases-1280-handled.png");
		assertThat(jdbc.sql("SELECT status FROM case_file WHERE id = ?").param(id).query(String.class).single())
				.isEqualTo("HANDLED");
	}

	/** Waits for the status badge after a step; the page is reloaded meanwhile (post/redirect/get). */
	private void statusShows(String text) {
		browser.waiting().ignoring(StaleElementReferenceException.class)
				.until(d -> d.findElement(By.id("case-status")).getText().contains(text));
	}

	private java.util.List<String> visibleMinorGroups() {
		return driver.findElements(By.cssSelector("#categoryCode optgroup")).stream()
				.filter(g -> g.getDomAttribute("hidden") == null).map(g -> g.getDomAttribute("data-major")).toList();
	}

}
