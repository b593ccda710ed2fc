package org.gridlink.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.COMMUNITY1;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The supervision and daily report pages show words, never the codes behind them (states, results, target kinds,
 * case classes, report states, levels), in both languages; the phone pages (on-site checks, filling in a report) are
 * one card per item.
 */
@WebTest
class SupervisionPagesInWordsTest {

	/** A code alone as the text of an element. */
	private static final Pattern CODE = Pattern.compile(">\\s*(OPEN|RECTIFIED|CANCELLED|OVERDUE|VERIFY|PASS|FAIL|NA|"
			+ "COMMUNITY|UNIT|STREET|MISSING|DRAFT|SUBMITTED|RETURNED|ACCEPTED|INTEGER|DECIMAL|TEXT|CHOICE|"
			+ "SCREENED_HOUSEHOLDS|HOME_QUARANTINE|NEW_CASES|S06\\d\\d|inspection\\.[a-zA-Z.]+|dailyreport\\.[a-zA-Z.]+)"
			+ "\\s*<");

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;

	private String page(String user, String lang, String url, Object... vars) throws Exception {
		return mvc.perform(get(url, vars).with(as(user)).param("lang", lang)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
	}

	private static List<String> codes(String html) {
		List<String> found = new ArrayList<>();
		Matcher m = CODE.matcher(html);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	@Test
	void supervisionPagesShowWordsAndThePhonePageIsCards() throws Exception {
		long round = jdbc.sql("SELECT round_id FROM inspection_hand_off GROUP BY round_id ORDER BY COUNT(*) DESC,"
				+ " round_id FETCH FIRST 1 ROWS ONLY").query(Long.class).single();
		long visited = jdbc.sql("SELECT MAX(t.round_id) FROM inspection_target t JOIN inspection_group_member m ON"
				+ " m.group_id = t.group_id WHERE m.username = 'inspector1'").query(Long.class).single();
		for (String lang : List.of("en", "zh-CN")) {
			String rounds = page("center", lang, "/inspection");
			assertThat(codes(rounds)).as("/inspection " + lang).isEmpty();
			String one = page("center", lang, "/inspection/rounds/{id}", round);
			assertThat(codes(one)).as("a round " + lang).isEmpty();
			assertThat(one).contains(lang.equals("en") ? "Rectified" : "已整改");
			for (String state : List.of("OPEN", "VERIFY", "OVERDUE", "RECTIFIED")) {
				String filtered = mvc.perform(get("/inspection/rounds/{id}", round).param("state", state)
						.param("lang", lang).with(as("center"))).andExpect(status().isOk()).andReturn().getResponse()
						.getContentAsString();
				assertThat(codes(filtered)).as(state + " " + lang).isEmpty();
			}
			assertThat(codes(page("center", lang, "/inspection/board"))).as("board " + lang).isEmpty();
			assertThat(codes(page("center", lang, "/inspection/plan/items/new"))).as("library " + lang).isEmpty();
			long own = jdbc.sql("SELECT MAX(round_id) FROM inspection_target WHERE community_code = ?")
					.param(COMMUNITY1).query(Long.class).single();
			assertThat(codes(page("community1", lang, "/inspection/rounds/{id}", own))).isEmpty();
			String work = page("inspector1", lang, "/inspection/rounds/{id}/work", visited);
			assertThat(codes(work)).as("phone page " + lang).isEmpty();
			long items = jdbc.sql("SELECT COUNT(*) FROM inspection_round_item WHERE round_id = ?").param(visited)
					.query(Long.class).single();
			assertThat(count(work, "<li class=\"card mb-2 gl-item\"")).isEqualTo(items);
			assertThat(work).contains("class=\"gl-phone\"");
		}
	}

	@Test
	void dailyReportPagesShowWordsAndTheFillInPageIsCards() throws Exception {
		long form = jdbc.sql("SELECT MIN(id) FROM report_form WHERE name = ?").param("每日疫情防控信息报送")
				.query(Long.class).single();
		String day = LocalDate.now().minusDays(2).toString();
		long submission = jdbc.sql("SELECT MIN(id) FROM report_submission WHERE form_id = ? AND jurisdiction_code = ?")
				.params(form, COMMUNITY1).query(Long.class).single();
		for (String lang : List.of("en", "zh-CN")) {
			assertThat(codes(page("center", lang, "/reports"))).as("forms " + lang).isEmpty();
			String district = page("center", lang, "/reports/{id}/rollup?date=" + day, form);
			assertThat(codes(district)).as("district roll-up " + lang).isEmpty();
			assertThat(district).contains(lang.equals("en") ? "Accepted" : "已通过");
			assertThat(codes(page("street1", lang, "/reports/{id}/rollup?date=" + day, form))).isEmpty();
			assertThat(codes(page("street1", lang, "/reports/review"))).as("review " + lang).isEmpty();
			assertThat(codes(page("street1", lang, "/reports/submissions/{id}", submission))).isEmpty();
			assertThat(codes(page("center", lang, "/reports/new"))).as("new form " + lang).isEmpty();
			String fill = page("community1", lang, "/reports/{id}/fill", form);
			assertThat(codes(fill)).as("fill in " + lang).isEmpty();
			long fields = jdbc.sql("SELECT COUNT(*) FROM report_field WHERE form_id = ?").param(form).query(Long.class)
					.single();
			assertThat(count(fill, "class=\"card")).isGreaterThanOrEqualTo(fields);
		}
	}

	private static long count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}
}
