package org.gridlink.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.LocalDate;
import java.time.OffsetDateTime;

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
 * The inspector's on-site phone page in headless Chromium at 360 px: a failed item with a hand-off is recorded, sent
 * (the queue on the phone empties, the card shows it done) and makes its hand-off and case; no script errors, no
 * sideways scrolling. Skipped where Chromium and chromedriver are not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InspectionWorkBrowserTest {

	@RegisterExtension
	static final BrowserExtension browser = new BrowserExtension();

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFailWithAHandOffIsRecordedOnThePhoneAndSynced() {
		// a new round visiting one community of inspector1's group with one check item
		String community = jdbc.sql("SELECT MIN(community_code) FROM inspection_group_community WHERE group_id ="
				+ " (SELECT MIN(group_id) FROM inspection_group_member WHERE username = 'inspector1')")
				.query(String.class).single();
		long group = jdbc.sql("SELECT MIN(group_id) FROM inspection_group_member WHERE username = 'inspector1'")
				.query(Long.class).single();
		long item = jdbc.sql("SELECT MIN(id) FROM inspection_check_item").query(Long.class).single();
		long unit = jdbc.sql("SELECT MIN(unit_id) FROM inspection_group_member").query(Long.class).single();
		int number = jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM inspection_round").query(Integer.class)
				.single();
		jdbc.sql("INSERT INTO inspection_round (district_code, number, title, starts_on, ends_on, created_by,"
				+ " created_at) VALUES ('320819', ?, '浏览器测试轮次', ?, ?, 'center', ?)").params(number,
						LocalDate.now(), LocalDate.now().plusDays(2), OffsetDateTime.now()).update();
		long round = jdbc.sql("SELECT id FROM inspection_round WHERE number = ?").param(number).query(Long.class)
				.single();
		jdbc.sql("INSERT INTO inspection_round_item (round_id, check_item_id, sort_order) VALUES (?, ?, 0)")
				.params(round, item).update();
		jdbc.sql("INSERT INTO inspection_target (round_id, target_code, group_id, kind, community_code, unit_id)"
				+ " VALUES (?, ?, ?, 'COMMUNITY', ?, NULL)").params(round, community, group, community).update();

		browser.open(360, 800, "inspector1");
		browser.get("/inspection/rounds/" + round + "/work");
		WebElement card = browser.waiting().until(visibilityOfElementLocated(
				By.cssSelector("[data-item='" + item + "']")));
		assertThat(((Number) browser.js("return window.innerWidth")).intValue()).isEqualTo(360);
		browser.assertNoSidewaysScrolling();

		browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", card);
		card.findElement(By.cssSelector("[data-field='note']")).sendKeys("卡口无人登记");
		// a failed item is handed off: without the fix and the deadline nothing is recorded, the hand-off part opens
		browser.click(card.findElement(By.cssSelector("button[data-result='FAIL']")));
		browser.waiting().until(visibilityOfElementLocated(By.id("send-error")));
		assertThat(card.findElement(By.cssSelector("details")).getAttribute("open")).isNotNull();
		assertThat(browser.js("return window.localStorage.getItem('gl-inspection-queue-" + round + "')"))
				.isIn(null, "[]");
		assertThat(card.getAttribute("class")).doesNotContain("gl-queued");
		browser.js("arguments[0].value = arguments[1]", card.findElement(By.cssSelector("[data-field='unit']")),
				String.valueOf(unit));
		card.findElement(By.cssSelector("[data-field='fix']")).sendKeys("立即落实专人登记");
		browser.js("arguments[0].value = arguments[1]", card.findElement(By.cssSelector("[data-field='deadline']")),
				LocalDate.now().plusDays(5).toString());
		browser.assertNoSidewaysScrolling();
		browser.click(card.findElement(By.cssSelector("button[data-result='FAIL']")));

		browser.waiting().until(d -> card.getAttribute("class").contains("gl-done"));
		browser.waiting().until(d -> "[]".equals(browser.js(
				"return window.localStorage.getItem('gl-inspection-queue-" + round + "')")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM inspection_result WHERE round_id = ? AND result = 'FAIL' AND note ="
				+ " '卡口无人登记'").param(round).query(Long.class).single()).isEqualTo(1);
		record HandOff(long unit, String fix, Long caseId) {
		}
		HandOff h = jdbc.sql("SELECT unit_id, fix, case_id FROM inspection_hand_off WHERE round_id = ?").param(round)
				.query((rs, i) -> new HandOff(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class))).single();
		assertThat(h.unit()).isEqualTo(unit);
		assertThat(h.fix()).isEqualTo("立即落实专人登记");
		assertThat(h.caseId()).isNotNull();
		assertThat(jdbc.sql("SELECT source FROM case_file WHERE id = ?").param(h.caseId()).query(String.class)
				.single()).isEqualTo("INSPECTION");
		browser.assertNoSidewaysScrolling();
		browser.screenshot("inspection-work-360-synced.png");
		browser.assertNoScriptErrors();
	}
}
