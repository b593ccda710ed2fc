package org.gridlink.cases;

import java.util.List;

import org.gridlink.support.BrowserExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * The KPI page and the duty desk in headless Chromium at 360 px, on the demo cases: the chart is drawn (no inline
 * script, so the CSP lets it run), a header click sorts the units, nothing scrolls sideways, the console stays clean.
 * Skipped where Chromium and chromedriver are not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CaseDeskBrowserTest {

	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	@Test
	void kpiChartSortingAndDutyDeskWorkOnAPhone() {
		ChromeDriver driver = browser.open(360, 800, "center");

		browser.get("/cases/kpis?period=last");
		browser.waiting().until(d -> !d.findElements(By.cssSelector("#kpi-chart canvas")).isEmpty());
		assertThat(driver.findElements(By.cssSelector("#kpi-rows tr"))).as("demo units").hasSizeGreaterThan(3);
		assertThat(browser.scrollWidth()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);
		browser.screenshot("case-kpis-360.png");
		browser.js("document.getElementById('kpi-chart').scrollIntoView({block: 'start', behavior: 'instant'})");
		browser.screenshot("case-kpis-360-chart.png");

		// sort by due cases (column 4), largest first
		WebElement due = driver.findElements(By.cssSelector("#kpi-units thead th")).get(3);
		browser.js("arguments[0].scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'})", due);
		browser.waiting().until(d -> ((Number) browser.js(
				"var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight ? 1 : 0",
				due)).intValue() == 1);
		due.click();
		List<Double> values = driver.findElements(By.cssSelector("#kpi-rows tr")).stream()
				.map(r -> Double.valueOf(r.findElements(By.tagName("td")).get(3).getAttribute("data-value"))).toList();
		assertThat(values).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(due.getAttribute("aria-sort")).isEqualTo("descending");

		browser.get("/cases/duty");
		browser.waiting().until(visibilityOfElementLocated(By.id("duty-queue")));
		assertThat(driver.findElements(By.cssSelector("#queue-reported li"))).isNotEmpty();
		assertThat(browser.scrollWidth()).as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);
		browser.screenshot("case-duty-360.png");

		browser.assertNoConsoleErrors();
	}
}
