package org.gridlink.dailyreport;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * The pages of daily reports on the demo district's form: the center defines a form on its page; a community fills
 * today's report in on the phone page (a bad value comes back beside its field with what was typed); home tells the
 * community it has not submitted yet; the street reviews; the roll-up table, the chart, and the Excel export in the
 * form's layout whose figures equal the reports.
 */
@WebTest
class DailyReportPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DailyReports reports;

	long demoForm() {
		return jdbc.sql("SELECT MIN(id) FROM report_form WHERE name = ?").param(DemoDailyReportLoader.FORM_NAME)
				.query(Long.class).single();
	}

	@Test
	void theDemoFormHasThirtyDaysOfEveryCommunityInVariedStates() {
		long form = demoForm();
		long communities = jdbc.sql("SELECT COUNT(*) FROM jurisdiction WHERE level = 'COMMUNITY'").query(Long.class)
				.single();
		assertThat(communities).as("87 communities and 12 villages").isEqualTo(99);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT report_date) FROM report_submission WHERE form_id = ?").param(form)
				.query(Long.class).single()).isEqualTo(30);
		List<String> states = jdbc.sql("SELECT DISTINCT state FROM report_submission WHERE form_id = ?").param(form)
				.query(String.class).list();
		assertThat(states).contains("DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM report_submission WHERE form_id = ? AND late = TRUE").param(form)
				.query(Long.class).single()).isPositive();
		// some days have missing communities
		assertThat(jdbc.sql("SELECT COUNT(*) FROM report_submission WHERE form_id = ?").param(form).query(Long.class)
				.single()).isLessThan(30 * communities).isGreaterThan(25 * communities);
	}

	@Test
	void theCenterDefinesAFormAndTheCommunityIsToldAndFillsItInOnItsPhone() throws Exception {
		String name = "页面报表" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/reports").with(as("center")).param("lang", "en").param("name", name)
				.param("level", "COMMUNITY").param("deadline", "23:59").param("label0", "测温人数").param("kind0", "INTEGER")
				.param("required0", "true").param("label1", "今日排查").param("kind1", "INTEGER")
				.param("prefill1", "SCREENED_HOUSEHOLDS").param("label2", "情况").param("kind2", "CHOICE")
				.param("options2", "正常\n异常").param("required2", "true"))
				.andExpect(status().is3xxRedirection());
		long form = jdbc.sql("SELECT id FROM report_form WHERE name = ?").param(name).query(Long.class).single();
		// a bad definition keeps what was typed
		mvc.perform(post("/reports").with(as("center")).param("lang", "en").param("name", "保留名称")
				.param("level", "COMMUNITY").param("deadline", "26:00").param("label0", "甲").param("kind0", "INTEGER"))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("16:00")))
				.andExpect(content().string(containsString("保留名称")));

		mvc.perform(get("/").with(as("community1")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Today&#39;s report")))
				.andExpect(content().string(containsString(name + " · ")))
				.andExpect(content().string(containsString("deadline 23:59")));
		mvc.perform(get("/reports/" + form + "/fill").with(as("community1")).param("lang", "en"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Not yet submitted")))
				.andExpect(content().string(containsString("测温人数")))
				.andExpect(content().string(containsString("filled in by GridLink")));
		mvc.perform(post("/reports/" + form + "/fill").with(as("community1")).param("lang", "en")
				.param("place", COMMUNITY1).param("v_f1", "十二").param("v_f3", "正常"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("测温人数: enter a whole number")))
				.andExpect(content().string(containsString("value=\"十二\"")));
		mvc.perform(post("/reports/" + form + "/fill").with(as("community1")).param("place", COMMUNITY1)
				.param("v_f1", "12").param("v_f3", "正常")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT state FROM report_submission WHERE form_id = ? AND jurisdiction_code = ?")
				.params(form, COMMUNITY1).query(String.class).single()).isEqualTo("SUBMITTED");
		mvc.perform(get("/").with(as("community1")).param("lang", "en"))
				.andExpect(content().string(not(containsString(name + " · "))));

		mvc.perform(get("/reports/review").with(as("street1")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("测温人数")));
		mvc.perform(get("/").with(as("street1")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Daily reports to review")));
		long id = jdbc.sql("SELECT id FROM report_submission WHERE form_id = ? AND jurisdiction_code = ?")
				.params(form, COMMUNITY1).query(Long.class).single();
		mvc.perform(post("/reports/submissions/" + id + "/accept").with(as("street1")))
				.andExpect(status().is3xxRedirection());
		mvc.perform(get("/reports/submissions/" + id).with(as("community1")).param("lang", "en"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Accepted")))
				.andExpect(content().string(containsString("Correct the report")));
		mvc.perform(post("/reports/submissions/" + id + "/correct").with(as("community1")).param("lang", "en")
				.param("v_f1", "13").param("v_f3", "正常").param("reason", ""))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("Say why")));
		mvc.perform(post("/reports/submissions/" + id + "/correct").with(as("community1"))
				.param("v_f1", "13").param("v_f3", "正常").param("reason", "复核后更正"))
				.andExpect(status().is3xxRedirection());
		mvc.perform(get("/reports/submissions/" + id).with(as("street1")).param("lang", "en"))
				.andExpect(content().string(containsString("复核后更正")))
				.andExpect(content().string(containsString("Corrected")));
		mvc.perform(get("/reports/new").with(as("community1"))).andExpect(status().isForbidden());
		mvc.perform(get("/reports/review").with(as("community1"))).andExpect(status().isForbidden());
	}

	@Test
	void theRollupTableChartAndExportShowTheForm() throws Exception {
		long form = demoForm();
		LocalDate day = LocalDate.now().minusDays(5);
		mvc.perform(get("/reports").with(as("center")).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString(DemoDailyReportLoader.FORM_NAME)));
		mvc.perform(get("/reports/" + form + "/rollup").with(as("center")).param("date", day.toString()))
				.andExpect(status().isOk()).andExpect(content().string(containsString("卡口登记人次")))
				.andExpect(content().string(containsString("data-code=\"" + STREET1 + "\"")));
		mvc.perform(get("/reports/" + form + "/rollup").with(as("street1")).param("date", day.toString()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("data-code=\"" + COMMUNITY1 + "\"")))
				.andExpect(content().string(not(containsString("data-code=\"320819002001\""))));
		mvc.perform(get("/reports/" + form + "/chart").with(as("center")).param("field", "gate_checks"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("echarts.min.js")))
				.andExpect(content().string(containsString("data-day=\"" + day + "\"")));

		byte[] xlsx = mvc.perform(get("/reports/" + form + "/export.xlsx").with(as("street1"))
				.param("from", day.minusDays(1).toString()).param("to", day.toString()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		CurrentUser street = new CurrentUser(0, "street1", "s", java.util.Set.of(Role.STREET), Scope.of(List.of(STREET1)), null);
		List<org.gridlink.dailyreport.SubmissionView> expected = reports.period(street, form, null, day.minusDays(1), day);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			Row header = sheet.getRow(1);
			List<String> labels = new ArrayList<>();
			for (int c = 5; c < header.getLastCellNum(); c++) {
				labels.add(header.getCell(c).getStringCellValue());
			}
			ReportForm definition = reports.load(form);
			assertThat(labels).containsExactlyElementsOf(definition.fields().stream().map(ReportField::label).toList());
			assertThat(sheet.getLastRowNum() - 1).isEqualTo(expected.size()).isPositive();
			double gate = 0;
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				gate += sheet.getRow(r).getCell(5 + 3).getNumericCellValue();
				assertThat(sheet.getRow(r).getCell(2).getStringCellValue()).startsWith("320819001");
			}
			long direct = expected.stream().mapToLong(s -> (Long) s.values().get("gate_checks")).sum();
			assertThat((long) gate).isEqualTo(direct);
		}
	}
}
