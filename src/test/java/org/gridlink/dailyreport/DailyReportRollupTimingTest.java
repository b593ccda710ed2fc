package org.gridlink.dailyreport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The district's roll-up of the demo form (87 communities and 12 villages, 30 days) answers in under a second: the median of 20
 * calls through the API and through the facade, printed for bench/RESULTS.md. Its totals equal a direct sum.
 */
@WebTest
class DailyReportRollupTimingTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DailyReports reports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDistrictRollupAnswersInUnderASecond() throws Exception {
		long form = jdbc.sql("SELECT MIN(id) FROM report_form WHERE name = ?").param(DemoDailyReportLoader.FORM_NAME)
				.query(Long.class).single();
		LocalDate day = LocalDate.now().minusDays(3);
		CurrentUser center = new CurrentUser(0, "center", "c", Set.of(Role.CENTER), Scope.of(List.of(DISTRICT)), 1L);
		List<Long> api = new ArrayList<>();
		List<Long> facade = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			long t = System.nanoTime();
			mvc.perform(get("/api/v1/report-forms/" + form + "/rollup").param("date", day.toString()).with(as("center")))
					.andExpect(status().isOk());
			api.add((System.nanoTime() - t) / 1_000_000);
			t = System.nanoTime();
			reports.rollup(center, form, day, null);
			facade.add((System.nanoTime() - t) / 1_000_000);
		}
		Collections.sort(api);
		Collections.sort(facade);
		System.out.printf("DAILY-REPORT-ROLLUP district, 87 communities and 12 villages: API median %d ms (max %d), facade median %d ms"
				+ " (max %d)%n", api.get(10), api.get(19), facade.get(10), facade.get(19));
		assertThat(api.get(10)).isLessThan(1000);

		Rollup rollup = reports.rollup(center, form, day, null);
		long communities = jdbc.sql("SELECT COUNT(*) FROM jurisdiction WHERE level = 'COMMUNITY'").query(Long.class)
				.single();
		assertThat(rollup.places()).hasSize((int) communities);
		long direct = jdbc.sql("SELECT field_values FROM report_submission WHERE form_id = ? AND report_date = ? AND"
				+ " state IN ('SUBMITTED', 'ACCEPTED')").params(form, day).query(String.class).list().stream()
				.mapToLong(v -> Long.parseLong(v.replaceAll(".*\"gate_checks\":(\\d+).*", "$1"))).sum();
		assertThat(rollup.totals().get("gate_checks").longValue()).isEqualTo(direct);
		assertThat(rollup.children().stream().mapToLong(Rollup.Row::placesTotal).sum()).isEqualTo(communities);
	}
}
