package org.gridlink.ui;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The enterprise support pages (relief, totals, team, check-ups, a check-up) read in words in both languages, like
 * {@link PageWordsTest}, over an enterprise of their own with a relief grant, a team and a check-up with a finding.
 */
@WebTest
class EnterpriseSupportWordsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void enterpriseSupportPagesReadInWords() throws Exception {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		String code = "91320819WORDS" + String.format("%05d", (int) (Math.random() * 99999));
		jdbc.sql("INSERT INTO enterprise (credit_code, name, industry, size, grid_code, key_enterprise, created_at, "
				+ "created_by) VALUES (?, '词语测试公司', 'C', 'SMALL', ?, TRUE, ?, 'test')")
				.params(code, Demo.GRID1, OffsetDateTime.now()).update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		jdbc.sql("INSERT INTO enterprise_relief (enterprise_id, relief_type, amount_fen, granted_on, landlord, months, "
				+ "recorded_at, recorded_by) VALUES (?, 'RENT_RELIEF', 1234500, DATE '2026-06-01', '某公司', 3, ?, 'test')")
				.params(id, OffsetDateTime.now()).update();
		jdbc.sql("INSERT INTO enterprise_advisor (enterprise_id, seat, name, work_phone, updated_at, updated_by) VALUES "
				+ "(?, 'JUDGE', '李法官', '0523-8600', ?, 'test')").params(id, OffsetDateTime.now()).update();
		GeneratedKeyHolder c = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO legal_checkup (enterprise_id, scheduled_on, status, created_at, created_by) VALUES "
				+ "(?, DATE '2026-06-01', 'DIAGNOSED', ?, 'test')").params(id, OffsetDateTime.now()).update(c, "id");
		long checkup = c.getKeyAs(Number.class).longValue();
		jdbc.sql("INSERT INTO legal_checkup_answer (checkup_id, question, answer) VALUES (?, 'LABOUR_CONTRACTS', 'NO')")
				.param(checkup).update();
		jdbc.sql("INSERT INTO legal_checkup_finding (checkup_id, area, description, risk, status, created_at, updated_at)"
				+ " VALUES (?, 'SAFETY', '消防通道堆放杂物', 'RED', 'OPEN', ?, ?)").params(checkup, OffsetDateTime.now(),
						OffsetDateTime.now()).update();
		List<String[]> pages = List.of(new String[] { "center", "/relief" },
				new String[] { "center", "/enterprises/" + id + "/relief" },
				new String[] { "center", "/enterprises/" + id + "/team" },
				new String[] { "center", "/enterprises/" + id + "/checkups" },
				new String[] { "center", "/legal-checkups" }, new String[] { "center", "/legal-checkups/" + checkup },
				new String[] { "grid1", "/legal-checkups" }, new String[] { "liaison1", "/relief" },
				new String[] { "leader", "/relief" });
		List<String> problems = new ArrayList<>();
		for (String[] page : pages) {
			for (String lang : List.of("zh-CN", "en")) {
				MvcResult result = mvc.perform(get(page[1]).param("lang", lang).with(Demo.as(page[0]))).andReturn();
				if (result.getResponse().getStatus() != 200) {
					problems.add(page[0] + " " + page[1] + " " + lang + ": status " + result.getResponse().getStatus());
					continue;
				}
				problems.addAll(PageText.problems(page[0] + " " + page[1] + " " + lang + ": ",
						PageText.of(result.getResponse().getContentAsString())));
			}
		}
		assertThat(problems).isEmpty();
	}
}
