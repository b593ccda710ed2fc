package org.gridlink.screening;

import java.time.LocalDate;

import org.gridlink.platform.CurrentUser;
import org.gridlink.support.BrowserExtension;
import org.gridlink.support.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

/**
 * The grid worker's phone page in headless Chromium at 360 px: a tap while the network is off is queued on the
 * phone ("1 条待发送"), sent when the network returns, and sending the same entry again is counted once. Skipped
 * where Chromium and chromedriver are not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ScreeningBrowserTest {

	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	@Autowired
	Fixture fixture;

	@Autowired
	Screening screening;

	@Autowired
	JdbcClient jdbc;

	@Test
	void offlineTapIsQueuedSentOnReconnectAndCountedOnce() {
		Fixture.Household home = fixture.household("grid1", Demo.GRID1, 2);
		CurrentUser community = fixture.user("community1");
		long id = screening.create(community, new NewCampaign("浏览器测试", Demo.COMMUNITY1, LocalDate.now(),
				LocalDate.now().plusDays(1), Questionnaire.standard())).id();
		screening.start(community, id);
		fixture.awaitRunning(id);

		ChromeDriver driver = browser.open(360, 800, "grid1");
		browser.get("/screening/" + id + "/work");
		WebElement card = browser.waiting().until(visibilityOfElementLocated(
				By.cssSelector("[data-household='" + home.id() + "']")));
		assertThat(((Number) browser.js("return window.innerWidth")).intValue()).isEqualTo(360);
		assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue())
				.as("no sideways scrolling at 360 px").isLessThanOrEqualTo(360);

		ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
		offline.setOffline(true);
		driver.setNetworkConditions(offline);
		browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", card);
		card.findElement(By.cssSelector("button[data-outcome='ALL_NORMAL']")).click();
		WebElement badge = driver.findElement(By.id("queue-badge"));
		browser.waiting().until(d -> badge.isDisplayed() && badge.getText().contains("1"));
		assertThat(badge.getText()).isEqualTo("1 条待发送");
		browser.waiting().until(d -> d.findElement(By.id("offline-note")).isDisplayed());
		String queued = (String) browser.js("return window.localStorage.getItem('gl-screening-queue-" + id + "')");
		assertThat(queued).contains("\"householdId\":" + home.id()).contains("clientId");
		browser.screenshot("screening-360-offline.png");
		assertThat(records(id, home.id())).isZero();

		driver.deleteNetworkConditions();
		browser.js("window.dispatchEvent(new Event('online'))");
		browser.waiting().until(d -> !badge.isDisplayed());
		assertThat(records(id, home.id())).isEqualTo(1);

		// the answer was lost: the phone still has the entry and sends it again after a reload
		browser.js("window.localStorage.setItem('gl-screening-queue-" + id + "', arguments[0])", queued);
		driver.navigate().refresh();
		browser.waiting().until(visibilityOfElementLocated(By.cssSelector("[data-household='" + home.id() + "']")));
		browser.waiting().until(d -> "[]".equals(browser.js("return window.localStorage.getItem('gl-screening-queue-" + id + "')")));
		assertThat(records(id, home.id())).as("resent entry counted once").isEqualTo(1);
		assertThat(screening.progress(fixture.user("grid1"), id, Demo.GRID1).screenedHouseholds())
				.isEqualTo(jdbc.sql("SELECT COUNT(*) FROM screening_household WHERE campaign_id = ? AND outcome = 'ALL_NORMAL'")
						.param(id).query(Long.class).single());
		browser.screenshot("screening-360-sent.png");
	}

	@Test
	void aBadNewPersonIdShowsAtItsHouseholdWithTheFormKeptAndAGoodOneSendsItBackToToDo() {
		fixture.household("grid1", Demo.GRID1, 2);
		Fixture.Household home = fixture.household("grid1", Demo.GRID1, 2);
		CurrentUser community = fixture.user("community1");
		long id = screening.create(community, new NewCampaign("新人员测试", Demo.COMMUNITY1, LocalDate.now(),
				LocalDate.now().plusDays(1), Questionnaire.standard())).id();
		screening.start(community, id);
		fixture.awaitRunning(id);

		ChromeDriver driver = browser.open(360, 800, "grid1");
		browser.get("/screening/" + id + "/work");
		WebElement card = browser.waiting().until(visibilityOfElementLocated(
				By.cssSelector("[data-household='" + home.id() + "']")));
		browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", card);
		browser.click(card.findElement(By.cssSelector("button[data-outcome='ALL_NORMAL']")));
		browser.waiting().until(d -> card.getAttribute("class").contains("gl-done"));
		assertThat(card.findElement(By.cssSelector("button[data-open='newperson']")).isDisplayed())
				.as("a finished household folds").isFalse();
		browser.click(card.findElement(By.cssSelector("[data-reopen]")));
		browser.click(card.findElement(By.cssSelector("button[data-open='newperson']")));
		WebElement name = card.findElement(By.cssSelector("[data-field='name']"));
		WebElement idNumber = card.findElement(By.cssSelector("[data-field='idNumber']"));
		name.sendKeys("新来的");
		String good = Fixture.idNumber();
		String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? "2" : "1");
		idNumber.sendKeys(bad);
		// sent from the top of the page: the answer brings the household back into view
		browser.js("window.scrollTo(0, 0); arguments[0].requestSubmit()",
				card.findElement(By.cssSelector("form[data-kind='newperson']")));

		WebElement error = card.findElement(By.cssSelector(".gl-household-error"));
		browser.waiting().until(d -> error.isDisplayed());
		assertThat(error.getText()).contains("校验位");
		assertThat(driver.findElement(By.id("send-error")).isDisplayed()).as("no banner at the top").isFalse();
		assertThat(idNumber.getAttribute("value")).as("the form is kept").isEqualTo(bad);
		assertThat(name.getAttribute("value")).isEqualTo("新来的");
		assertThat(idNumber.getAttribute("class")).contains("is-invalid");
		assertThat(driver.switchTo().activeElement()).isEqualTo(idNumber);
		assertThat((Boolean) browser.js("var r = arguments[0].getBoundingClientRect();"
				+ " return r.top >= 0 && r.bottom <= window.innerHeight;", error)).as("scrolled to the household").isTrue();
		assertThat(driver.getCurrentUrl()).endsWith("#household-" + home.id());
		browser.screenshot("screening-360-bad-id.png");

		idNumber.clear();
		idNumber.sendKeys(good);
		browser.click(card.findElement(By.cssSelector("form[data-kind='newperson'] button[type='submit']")));
		browser.waiting().until(d -> card.findElement(By.cssSelector(".gl-household-note")).isDisplayed());
		assertThat(card.findElement(By.cssSelector(".gl-state")).getText()).isEqualTo("待排查");
		assertThat(error.isDisplayed()).isFalse();

		driver.navigate().refresh();
		WebElement again = browser.waiting().until(visibilityOfElementLocated(
				By.cssSelector("[data-household='" + home.id() + "']")));
		assertThat(again.findElement(By.cssSelector(".gl-state")).getText()).as("on reload too").isEqualTo("待排查");
		assertThat(again.getAttribute("class")).doesNotContain("gl-done");
		browser.assertNoScriptErrors();
	}

	private long records(long campaign, long household) {
		return jdbc.sql("SELECT COUNT(*) FROM screening_record WHERE campaign_id = ? AND household_id = ?")
				.params(campaign, household).query(Long.class).single();
	}
}
