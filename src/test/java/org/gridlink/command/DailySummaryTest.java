package org.gridlink.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The daily summary: one per day however many instances claim it, written again on demand, the PDF's text
 * extractable with the figures in it, the workbook readable with one sheet per section, only for center and leaders.
 */
@WebTest
class DailySummaryTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DailySummaries summaries;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoInstancesClaimingTheSameDayWriteOneSummary() {
		LocalDate day = LocalDate.of(2021, 3, 1 + (int) (System.nanoTime() % 27));
		jdbc.sql("DELETE FROM daily_summary WHERE summary_day = ?").param(day).update();
		assertThat(summaries.claim(day, "instance-a", "system")).isTrue();
		assertThat(summaries.claim(day, "instance-b", "system")).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM daily_summary WHERE summary_day = ?").param(day).query(Long.class).single())
				.isEqualTo(1);
		assertThat(jdbc.sql("SELECT claimed_by FROM daily_summary WHERE summary_day = ?").param(day).query(String.class).single())
				.isEqualTo("instance-a");
	}

	@Test
	void theScheduledRunWritesYesterdayOnceAcrossTwoInstances() {
		LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
		boolean a = summaries.runIfDue("instance-a");
		boolean b = summaries.runIfDue("instance-b");
		assertThat(a && b).as("never both").isFalse();
		if (java.time.LocalTime.now(ZoneId.of("Asia/Shanghai")).isAfter(java.time.LocalTime.of(7, 1))) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM daily_summary WHERE summary_day = ? AND pdf IS NOT NULL").param(yesterday)
					.query(Long.class).single()).isEqualTo(1);
		}
	}

	@Test
	void regeneratedOnDemandThePdfCarriesTheFiguresAndTheWorkbookOpens() throws Exception {
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
		mvc.perform(post("/api/v1/daily-summaries/" + day).with(as("leader"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.date").value(day.toString())).andExpect(jsonPath("$.by").value("leader"));
		mvc.perform(get("/api/v1/daily-summaries").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content[0].date").exists());
		byte[] pdf = mvc.perform(get("/api/v1/daily-summaries/" + day + ".pdf").with(as("leader")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		var content = summaries.content(day);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("每日汇总").contains(day.toString()).contains("在办事件").contains("超期事件");
			assertThat(text).contains(String.valueOf(content.view().figures().casesOpen()));
			assertThat(text).contains(content.view().children().get(0).name());
			assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
		}
		byte[] xlsx = mvc.perform(get("/api/v1/daily-summaries/" + day + ".xlsx").with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(4);
			assertThat(book.getSheetAt(0).getRow(3).getCell(1).getStringCellValue())
					.isEqualTo(String.valueOf(content.view().figures().casesOpen()));
			assertThat(book.getSheetAt(1).getPhysicalNumberOfRows()).isEqualTo(content.view().children().size() + 1);
		}
		mvc.perform(get("/api/v1/daily-summaries/" + day + ".pdf").with(as("street1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/daily-summaries/1999-01-01.pdf").with(as("center"))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/daily-summaries/" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1))
				.with(as("center"))).andExpect(status().isBadRequest());
	}
}
