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
 * extractable with the figures in it, the workbook readable with one sheet per section; the district's for center and
 * leaders, a street's (only its subtree) for its staff; the leaders told by inbox and e-mail once per day.
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
			assertThat(book.getNumberOfSheets()).as("one sheet per section").isEqualTo(10);
			assertThat(book.getSheetAt(0).getRow(3).getCell(1).getStringCellValue())
					.isEqualTo(String.valueOf(content.view().figures().casesOpen()));
			assertThat(book.getSheetAt(1).getPhysicalNumberOfRows()).isEqualTo(content.view().children().size() + 1);
		}
		mvc.perform(get("/api/v1/daily-summaries/" + day + ".pdf").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/daily-summaries/1999-01-01.pdf").with(as("center"))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/daily-summaries/" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1))
				.with(as("center"))).andExpect(status().isBadRequest());
	}

	@Autowired
	SummaryDocuments documents;

	@Autowired
	org.gridlink.jurisdiction.Jurisdictions jurisdictions;

	@Test
	void aStreetUserGetsTheSummaryOfTheirStreetOnlyAndNoOtherPlace() throws Exception {
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2);
		mvc.perform(post("/api/v1/daily-summaries/" + day).with(as("center"))).andExpect(status().isOk());
		String street1 = org.gridlink.support.Demo.STREET1;
		String street2 = "320819002000";
		var names = jurisdictions.names(java.util.List.of(street1, street2));
		var district = summaries.content(day);
		var own = summaries.sections().content(street1, day);
		assertThat(own.view().children()).isNotEmpty()
				.allSatisfy(c -> assertThat(c.code()).startsWith(street1.substring(0, 9)));
		assertThat(own.map().grids()).isNotEmpty().allSatisfy(g -> assertThat(g.code()).startsWith(street1.substring(0, 9)));

		byte[] pdf = mvc.perform(get("/api/v1/daily-summaries/" + day + ".pdf").with(as("street1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains(names.get(street1)).contains(own.view().children().get(0).name())
					.doesNotContain(names.get(street2));
			for (var other : district.view().children()) {
				if (!other.code().equals(street1)) {
					assertThat(text).as("no other street's line").doesNotContain(other.name());
				}
			}
		}
		byte[] xlsx = mvc.perform(get("/api/v1/daily-summaries/" + day + ".xlsx").with(as("street1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo(names.get(street1));
			assertThat(book.getSheetAt(1).getPhysicalNumberOfRows()).isEqualTo(own.view().children().size() + 1);
			for (int r = 1; r < book.getSheetAt(1).getPhysicalNumberOfRows(); r++) {
				assertThat(book.getSheetAt(1).getRow(r).getCell(0).getStringCellValue()).isNotEqualTo(names.get(street2));
			}
		}
		// the same street asked for by its code; another street, the district, an unknown code: refused
		mvc.perform(get("/api/v1/daily-summaries/" + day + ".pdf?jurisdiction=" + street1).with(as("street1")))
				.andExpect(status().isOk());
		mvc.perform(get("/api/v1/daily-summaries/" + day + ".pdf?jurisdiction=" + street2).with(as("street1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/daily-summaries/" + day + ".xlsx?jurisdiction=" + street2).with(as("street1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/daily-summaries/" + day + ".pdf?jurisdiction=" + org.gridlink.support.Demo.DISTRICT)
				.with(as("street1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/daily-summaries/" + day + ".pdf?jurisdiction=abc").with(as("street1")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/daily-summaries/1999-01-01.pdf").with(as("street1"))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/daily-summaries/" + day).with(as("street1"))).andExpect(status().isForbidden());
		// the center may read a street's too
		mvc.perform(get("/api/v1/daily-summaries/" + day + ".pdf?jurisdiction=" + street2).with(as("center")))
				.andExpect(status().isOk());
	}

	@Test
	void theNewSectionsFiguresAreInThePdfAndEachSectionHasItsSheet() throws Exception {
		LocalDate day = LocalDate.of(2026, 5, 4);
		var content = summaries.content(day);
		var sections = new SummaryContent(day, content.view(), content.trend(),
				new SummaryContent.Alerts(4711, 4700, 6, 4, 1,
						java.util.List.of(new SummaryContent.AlertLine(1, "测试网格甲", "08:15", "caseClosed"))),
				new SummaryContent.NoticesSent(3583,
						java.util.Map.of(org.gridlink.notices.ChannelKind.SMS, 3571L,
								org.gridlink.notices.ChannelKind.INBOX, 12L),
						java.util.List.of(new org.gridlink.notices.NoticeFacts.Sent(9, "防汛值班通知",
								org.gridlink.notices.ChannelKind.SMS, 3571))),
				new SummaryContent.Concerns(2417,
						java.util.List.of(new org.gridlink.cases.CaseDayCounts.Count("A", "市容环境类", 1999)),
						java.util.List.of(new org.gridlink.cases.CaseDayCounts.Count("HOTLINE", "HOTLINE", 418)), 1203,
						909),
				new SummaryContent.HandOffs(731, 373, 5151, 2929, java.util.List.of()),
				new SummaryContent.Reports(java.util.List.of(new SummaryContent.FormLine("疫情防控日报", 61, 67, 6))),
				new SummaryContent.MapData(java.util.List.of(new SummaryContent.Shape("320819001001001", "网格一", 9,
						java.util.List.of(java.util.List.of(new double[] { 119.0, 32.0 }, new double[] { 119.01, 32.0 },
								new double[] { 119.01, 32.01 }))))));
		try (PDDocument doc = Loader.loadPDF(documents.pdf(sections))) {
			String text = new PDFTextStripper().getText(doc).replace("\n", " ");
			assertThat(text).contains("新增预警及处置情况").contains("4711").contains("4700").contains("测试网格甲")
					.contains("已立案并结案");
			assertThat(text).contains("通知发送情况").contains("防汛值班通知").contains("3571").contains("3583")
					.contains("短信（居民）");
			assertThat(text).contains("群众诉求分类").contains("市容环境类").contains("1999").contains("2417")
					.contains("热线").contains("1203");
			assertThat(text).contains("督查交办").contains("731").contains("373").contains("5151").contains("2929");
			assertThat(text).contains("日报报送情况").contains("疫情防控日报").contains("61").contains("67");
			assertThat(text).contains("地图：各网格在办事件").contains("≥8");
			assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
		}
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(documents.xlsx(sections)))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(10);
			assertThat(book.getSheet("新增预警及处置情况").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(4711);
			assertThat(book.getSheet("通知发送情况").getRow(1).getCell(0).getStringCellValue()).isEqualTo("防汛值班通知");
			assertThat(book.getSheet("群众诉求分类").getRow(1).getCell(2).getNumericCellValue()).isEqualTo(2417);
			assertThat(book.getSheet("督查交办").getRow(1).getCell(1).getNumericCellValue()).isEqualTo(731);
			assertThat(book.getSheet("日报报送情况").getRow(1).getCell(2).getNumericCellValue()).isEqualTo(67);
			assertThat(book.getSheet("地图：各网格在办事件").getRow(1).getCell(2).getNumericCellValue()).isEqualTo(9);
		}
	}

	@Test
	void aHandOffCountsAsOpenedClosedOpenAndOverdueByTheDay() {
		LocalDate day = LocalDate.of(2026, 3, 10);
		var zone = ZoneId.of("Asia/Shanghai");
		var from = day.atStartOfDay(zone).toOffsetDateTime();
		var to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
		var noon = from.plusHours(12);
		// opened that day, deadline that day, still open: opened, open, overdue
		assertThat(SummarySections.counts(handOff(noon, null, "OPEN", day), day, from, to)).containsExactly(1, 0, 1, 1);
		// opened before, rectified that day: closed, not open
		assertThat(SummarySections.counts(handOff(noon.minusDays(3), noon, "RECTIFIED", day.minusDays(1)), day, from, to))
				.containsExactly(0, 1, 0, 0);
		// rectified the next day: open (and overdue) at the end of the day
		assertThat(SummarySections.counts(handOff(noon.minusDays(3), noon.plusDays(1), "RECTIFIED", day.minusDays(1)),
				day, from, to)).containsExactly(0, 0, 1, 1);
		// deadline tomorrow: open, not overdue; opened after the day: nothing
		assertThat(SummarySections.counts(handOff(noon.minusDays(1), null, "OPEN", day.plusDays(1)), day, from, to))
				.containsExactly(0, 0, 1, 0);
		assertThat(SummarySections.counts(handOff(noon.plusDays(1), null, "OPEN", day), day, from, to))
				.containsExactly(0, 0, 0, 0);
		assertThat(SummarySections.counts(handOff(noon, null, "CANCELLED", day), day, from, to))
				.containsExactly(1, 0, 0, 0);
	}

	private static org.gridlink.inspection.InspectionViews.HandOff handOff(java.time.OffsetDateTime created,
			java.time.@org.jspecify.annotations.Nullable OffsetDateTime rectified, String state, LocalDate deadline) {
		return new org.gridlink.inspection.InspectionViews.HandOff(1, 1, 1, "T", "320819001001", "社区", 1, "项", null,
				null, "320819001001", "问题", "整改", deadline, null, null, state, false, false, 0, created, rectified, 0);
	}

	@Test
	void theLeadersAreToldOncePerDayByInboxAndByEmailWhenTheyHaveAnAddress() throws Exception {
		LocalDate day = LocalDate.of(2020, 1 + (int) (System.nanoTime() % 12), 1 + (int) (System.nanoTime() % 28));
		long leader = jdbc.sql("SELECT id FROM app_user WHERE username = 'leader'").query(Long.class).single();
		long center = jdbc.sql("SELECT id FROM app_user WHERE username = 'center'").query(Long.class).single();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.put("/api/v1/admin/users/" + leader + "/email").with(as("admin"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"email\":\"leader@example.gov.cn\"}")).andExpect(status().isNoContent());
		jdbc.sql("UPDATE app_user SET email_enc = NULL WHERE id = ?").param(center).update();
		jdbc.sql("DELETE FROM notice_message_key WHERE idem_key LIKE ?").param("daily-summary-%" + day + "-%").update();
		summaries.tellLeaders(day);
		summaries.tellLeaders(day);
		String rows = "SELECT COUNT(*) FROM notice_outbox o JOIN notice_message_key k ON k.outbox_id = o.id"
				+ " WHERE k.idem_key = ? AND o.channel = ? AND o.recipient_id = ?";
		assertThat(jdbc.sql(rows).params("daily-summary-" + day + "-" + leader, "INBOX", leader).query(Long.class).single())
				.isEqualTo(1);
		assertThat(jdbc.sql(rows).params("daily-summary-mail-" + day + "-" + leader, "EMAIL", leader).query(Long.class)
				.single()).as("one e-mail per day and person").isEqualTo(1);
		assertThat(jdbc.sql("SELECT o.body FROM notice_outbox o JOIN notice_message_key k ON k.outbox_id = o.id"
				+ " WHERE k.idem_key = ?").param("daily-summary-mail-" + day + "-" + leader).query(String.class).single())
				.contains("/api/v1/daily-summaries/" + day + ".pdf");
		assertThat(jdbc.sql(rows).params("daily-summary-" + day + "-" + center, "INBOX", center).query(Long.class).single())
				.isEqualTo(1);
		assertThat(jdbc.sql(rows).params("daily-summary-mail-" + day + "-" + center, "EMAIL", center).query(Long.class)
				.single()).as("no address, no e-mail").isZero();
	}

	@Autowired
	org.gridlink.support.TestClock clock;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	org.gridlink.cases.CaseManagement cases;

	@Autowired
	org.gridlink.notices.Notices notices;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	private org.gridlink.platform.CurrentUser user(String name) {
		return ((org.gridlink.platform.security.AccountPrincipal) users.loadUserByUsername(name)).toCurrentUser();
	}

	@Test
	void afterAScriptedDayTheSectionsEqualDirectCountsForTheDistrictAndTheStreet() throws Exception {
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		clock.advance(java.time.Duration.ofDays(-(400 + System.nanoTime() % 300)));
		LocalDate day = LocalDate.now(clock.withZone(zone));
		long notice;
		try {
			var center = user("center");
			var community = user("community1");
			// three concerns, two in street 1
			cases.report(center, new org.gridlink.cases.NewCase("E0101", "汇总：一", org.gridlink.support.Demo.GRID1, null,
					null, null, org.gridlink.cases.CaseSource.HOTLINE, "13800001111"), null);
			cases.report(center, new org.gridlink.cases.NewCase("E0101", "汇总：二", org.gridlink.support.Demo.GRID1, null,
					null, null, org.gridlink.cases.CaseSource.HOTLINE, "13800001111"), null);
			cases.report(center, new org.gridlink.cases.NewCase("E0101", "汇总：三", org.gridlink.support.Demo.GRID2, null,
					null, null, org.gridlink.cases.CaseSource.HOTLINE, "13800001111"), null);
			// a notice to the staff of community 1 by inbox, sent that day
			notice = notices.create(community, new org.gridlink.notices.NewNotice("汇总通知", "请查看",
					new org.gridlink.notices.NewNotice.Audience(java.util.List.of(org.gridlink.support.Demo.COMMUNITY1),
							java.util.List.of(), java.util.List.of(), false, java.util.List.of(), null),
					java.util.List.of("INBOX"), false, null)).id();
			notices.send(community, notice);
			org.gridlink.notices.NoticeSending.sendNow(context, notice);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_outbox WHERE notice_id = ? AND state = 'DELIVERED'")
					.param(notice).query(Long.class).single()).isPositive();
		}
		finally {
			clock.reset();
		}
		var from = day.atStartOfDay(zone).toOffsetDateTime();
		var to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
		String street1 = org.gridlink.support.Demo.STREET1.substring(0, 9) + "%";
		var district = summaries.content(day);
		var street = summaries.sections().content(org.gridlink.support.Demo.STREET1, day);

		assertThat(district.concerns().reported()).isEqualTo(count(
				"SELECT COUNT(*) FROM case_file WHERE reported_at >= ? AND reported_at < ?", from, to)).isGreaterThanOrEqualTo(3);
		assertThat(street.concerns().reported()).isEqualTo(count("SELECT COUNT(*) FROM case_file WHERE reported_at >= ?"
				+ " AND reported_at < ? AND jurisdiction_code LIKE ?", from, to, street1)).isGreaterThanOrEqualTo(2)
				.isLessThan(district.concerns().reported());

		long sent = count("SELECT COUNT(*) FROM notice_outbox WHERE notice_id IS NOT NULL AND state IN ('SENT', 'DELIVERED')"
				+ " AND sent_at >= ? AND sent_at < ?", from, to);
		assertThat(sent).isPositive();
		assertThat(district.notices().total()).isEqualTo(sent);
		assertThat(street.notices().total()).isEqualTo(count("SELECT COUNT(*) FROM notice_outbox WHERE notice_id IS NOT NULL"
				+ " AND state IN ('SENT', 'DELIVERED') AND sent_at >= ? AND sent_at < ? AND jurisdiction_code LIKE ?", from,
				to, street1));
		assertThat(district.notices().perNotice()).anySatisfy(n -> {
			assertThat(n.noticeId()).isEqualTo(notice);
			assertThat(n.title()).isEqualTo("汇总通知");
			assertThat(n.channel()).isEqualTo(org.gridlink.notices.ChannelKind.INBOX);
		});
		assertThat(district.notices().perChannel().get(org.gridlink.notices.ChannelKind.INBOX)).isPositive();

		assertThat(district.alerts().raised()).isEqualTo(count(
				"SELECT COUNT(*) FROM quarantine_alert WHERE raised_at >= ? AND raised_at < ?", from, to));
		assertThat(district.handOffs().opened()).isEqualTo(count(
				"SELECT COUNT(*) FROM inspection_hand_off WHERE created_at >= ? AND created_at < ?", from, to));
		assertThat(district.handOffs().open()).isEqualTo(count("SELECT COUNT(*) FROM inspection_hand_off WHERE"
				+ " created_at < ? AND state <> 'CANCELLED' AND (state = 'OPEN' OR rectified_at >= ?)", to, to));
		assertThat(district.reports().forms()).hasSize((int) count(
				"SELECT COUNT(*) FROM report_form WHERE active = TRUE AND created_at < ?", to));
		assertThat(district.map().grids()).hasSize((int) count(
				"SELECT COUNT(*) FROM jurisdiction WHERE level = 'GRID' AND boundary IS NOT NULL AND code LIKE '320819%'"));
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void theSummariesPageListsTheDaysWithTheirFilesForTheReadersPlace() throws Exception {
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3);
		mvc.perform(post("/command/summaries/" + day).with(as("leader")))
				.andExpect(status().is3xxRedirection());
		mvc.perform(get("/command/summaries").with(as("leader"))).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(org.hamcrest.Matchers.containsString("/api/v1/daily-summaries/" + day + ".pdf?jurisdiction="
								+ org.gridlink.support.Demo.DISTRICT)));
		mvc.perform(get("/command/summaries").with(as("street1"))).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(org.hamcrest.Matchers.containsString("/api/v1/daily-summaries/" + day + ".xlsx?jurisdiction="
								+ org.gridlink.support.Demo.STREET1)))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/command/summaries/" + day))));
		mvc.perform(post("/command/summaries/" + day).with(as("street1"))).andExpect(status().isForbidden());
		mvc.perform(get("/command/summaries").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(post("/command/summaries/not-a-day").with(as("leader"))).andExpect(status().isBadRequest());
	}
}
