package org.gridlink.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.util.List;

import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.NewCase;
import org.gridlink.support.BrowserExtension;
import org.gridlink.support.Demo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A grid worker's phone (390 px wide) in headless Chromium: the home's three buttons, the case and resident lists as
 * cards with their filters folded away, and tap targets of at least 44 px. Screenshots in target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FieldPhoneBrowserTest {

	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseManagement cases;

	/** Grid 1's lists have at least one case with a place written, whichever tests ran before (one per test: the
	 *  idempotency key keeps it to one). */
	@BeforeEach
	void aCaseInGrid1() {
		cases.reportAs("public", new NewCase("E0101", "路灯不亮", Demo.GRID1, null, null, "幸福路 8 号", CaseSource.RESIDENT,
				""), "field-phone-browser-test");
	}

	@Test
	void theGridWorkersHomeFitsAPhoneWithItsThreeButtons() {
		browser.open(390, 844, "grid1");
		browser.get("/");
		List<WebElement> buttons = browser.waiting().until(d -> {
			List<WebElement> found = d.findElements(By.cssSelector("#home-actions a"));
			return found.size() == 3 && found.stream().allMatch(WebElement::isDisplayed) ? found : null;
		});
		assertThat(buttons).extracting(WebElement::getText).containsExactly("上报问题", "我的排查", "居家隔离");
		int viewport = ((Number) browser.js("return window.innerHeight")).intValue();
		assertThat(buttons).allSatisfy(b -> {
			assertThat(b.getRect().getHeight()).as("button height").isGreaterThanOrEqualTo(44);
			assertThat(b.getRect().getY() + b.getRect().getHeight()).as("on the first screen").isLessThan(viewport);
		});
		assertThat(browser.driver().findElement(By.id("home-tasks")).isDisplayed()).isTrue();
		browser.assertNoSidewaysScrolling();
		browser.assertNoConsoleErrors();
		browser.screenshot("home-grid1-390.png");

		browser.click(browser.driver().findElement(By.cssSelector("button[data-bs-target='#gl-menu']")));
		WebElement more = browser.waiting().until(visibilityOfElementLocated(By.id("gl-more-toggle")));
		assertThat(browser.driver().findElement(By.id("gl-more")).isDisplayed()).as("'more' starts folded").isFalse();
		assertThat(browser.driver().findElements(By.cssSelector("#gl-menu .nav-link")).stream()
				.filter(WebElement::isDisplayed)).allSatisfy(
						link -> assertThat(link.getRect().getHeight()).as(link.getText()).isGreaterThanOrEqualTo(44));
		browser.screenshot("menu-grid1-390.png");
		browser.click(more);
		browser.waiting().until(d -> d.findElement(By.cssSelector("#gl-more a[href='/map']")).isDisplayed());
		browser.assertNoConsoleErrors();
	}

	@Test
	void caseAndResidentListsAreCardsWithTheFiltersFolded() {
		browser.open(390, 844, "grid1");
		browser.get("/cases");
		browser.waiting().until(visibilityOfElementLocated(By.id("case-filters-toggle")));
		assertThat(browser.driver().findElement(By.id("case-filters")).isDisplayed()).as("filters folded").isFalse();
		assertThat(browser.driver().findElement(By.cssSelector("#cases thead")).isDisplayed()).as("no table header")
			.isFalse();
		// the newest case with a place written (cases other tests file may have none)
		WebElement first = browser.driver().findElements(By.cssSelector("#cases tr[data-case]")).stream()
			.filter(row -> !row.findElement(By.cssSelector("td.gl-break")).getDomProperty("textContent").isBlank())
			.findFirst().orElseThrow(() -> new AssertionError("no case with a place on the first page"));
		assertThat(first.isDisplayed()).isTrue();
		assertThat(first.findElement(By.cssSelector("td.gl-break")).isDisplayed()).as("the place, on the card").isTrue();
		assertThat(first.findElements(By.cssSelector("td.d-md-table-cell")).stream().noneMatch(WebElement::isDisplayed))
			.as("no desk columns on a card").isTrue();
		assertThat(first.getSize().getHeight()).as("a card, not a table line").isGreaterThan(40);
		browser.assertNoSidewaysScrolling();
		browser.screenshot("cases-grid1-390.png");
		browser.click(browser.driver().findElement(By.id("case-filters-toggle")));
		browser.waiting().until(d -> d.findElement(By.id("case-filters")).isDisplayed());
		browser.assertNoConsoleErrors();

		browser.get("/residents");
		browser.waiting().until(visibilityOfElementLocated(By.id("resident-filters-toggle")));
		assertThat(browser.driver().findElement(By.id("resident-filters")).isDisplayed()).isFalse();
		assertThat(browser.driver().findElement(By.cssSelector("#resident-cards [data-resident-card]")).isDisplayed())
				.isTrue();
		browser.assertNoSidewaysScrolling();
		browser.screenshot("residents-grid1-390.png");
		browser.assertNoConsoleErrors();
	}

	@Test
	void onADesktopTheFiltersAreOpenAndTheListIsATable() {
		browser.open(1280, 900, "grid1");
		browser.get("/cases");
		browser.waiting().until(visibilityOfElementLocated(By.id("case-filters")));
		assertThat(browser.driver().findElement(By.id("case-filters-toggle")).isDisplayed()).isFalse();
		assertThat(browser.driver().findElement(By.cssSelector("#cases thead")).isDisplayed()).isTrue();
		WebElement row = browser.driver().findElement(By.cssSelector("#cases tr[data-case]"));
		assertThat(row.findElements(By.cssSelector("td.d-md-table-cell")).stream().allMatch(WebElement::isDisplayed))
			.as("the desk columns").isTrue();
		assertThat(row.findElement(By.cssSelector("td.gl-break")).isDisplayed()).as("no phone cell on a desk").isFalse();
		browser.screenshot("cases-grid1-1280.png");
		browser.get("/");
		browser.waiting().until(visibilityOfElementLocated(By.id("home-actions")));
		browser.assertNoSidewaysScrolling();
		browser.assertNoConsoleErrors();
		browser.screenshot("home-grid1-1280.png");
	}

	@Test
	void theVisitFormsSymptomTicksAreLargeEnoughToTap() {
		Long order = jdbc.sql("""
				SELECT o.id FROM quarantine_order o JOIN quarantine_person p ON p.id = o.person_id
				WHERE o.status = 'ACTIVE' AND o.type = 'HOME' AND p.grid_code = ? ORDER BY o.id LIMIT 1""")
				.param(Demo.GRID1).query(Long.class).optional().orElse(null);
		assertThat(order).as("a home quarantine order in grid 1 of the demo").isNotNull();
		browser.open(390, 844, "grid1");
		browser.get("/quarantine/orders/" + order + "/monitoring");
		browser.waiting().until(visibilityOfElementLocated(By.id("symptoms")));
		List<WebElement> ticks = browser.driver().findElements(By.cssSelector("#symptoms .form-check"));
		assertThat(ticks).isNotEmpty().allSatisfy(
				tick -> assertThat(tick.getRect().getHeight()).as("tap row").isGreaterThanOrEqualTo(44));
		browser.assertNoSidewaysScrolling();
		browser.js("document.getElementById('symptoms').scrollIntoView()");
		browser.screenshot("visit-grid1-390.png");
	}
}
