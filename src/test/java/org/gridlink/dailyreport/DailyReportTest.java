package org.gridlink.dailyreport;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.NewCase;
import org.gridlink.platform.CurrentUser;
import org.gridlink.support.SignIn;
import org.gridlink.support.TestClock;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Daily reports through the API: the center defines a form; GridLink pre-fills what it knows (equal to the modules'
 * own counts); a community submits, its street sends back and accepts; a correction keeps the old values in the
 * history; the roll-up flags a late community once the deadline passes; reminders go out once before the deadline;
 * scope and bad input are refused.
 */
@WebTest
class DailyReportTest {

	static final String OTHER_STREET_COMMUNITY = "320819002001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	CaseManagement cases;

	@Autowired
	UserDetailsService users;

	@Autowired
	ReportReminders reminders;

	@AfterEach
	void reset() {
		clock.reset();
		SecurityContextHolder.clearContext();
	}

	static String form(String name, String deadline) {
		return """
				{"name":"%s","level":"COMMUNITY","deadline":"%s","fields":[
				 {"key":"screened","label":"排查户数","kind":"INTEGER","prefill":"SCREENED_HOUSEHOLDS","required":true},
				 {"key":"quarantined","label":"居家隔离人数","kind":"INTEGER","prefill":"HOME_QUARANTINE","required":true},
				 {"key":"cases","label":"新增事件","kind":"INTEGER","prefill":"NEW_CASES","required":true},
				 {"key":"fever","label":"发热人数","kind":"INTEGER","required":true},
				 {"key":"rate","label":"保障率","kind":"DECIMAL"},
				 {"key":"risk","label":"风险等级","kind":"CHOICE","options":["低","中","高"],"required":true},
				 {"key":"notes","label":"其他","kind":"TEXT"}]}""".formatted(name, deadline);
	}

	long newForm(String deadline) throws Exception {
		String json = mvc.perform(post("/api/v1/report-forms").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content(form("测试报表" + UUID.randomUUID().toString().substring(0, 6), deadline)))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.fields.length()").value(7))
				.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	ResultActions submit(String user, long form, String code, String date, String values) throws Exception {
		return mvc.perform(post("/api/v1/report-forms/" + form + "/submissions").with(as(user)).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"jurisdictionCode\":\"" + code + "\",\"date\":\"" + date + "\",\"values\":" + values + "}"));
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Moves the test clock to {@code hh:mm} of today, district time. */
	void at(int hour, int minute) {
		ZonedDateTime now = ZonedDateTime.now(clock);
		clock.advance(Duration.between(now, now.toLocalDate().atTime(hour, minute).atZone(clock.getZone())));
	}

	CurrentUser signedIn(String username) {
		return SignIn.as(users, username);
	}

	@Test
	void preFilledValuesEqualTheModulesOwnCounts() throws Exception {
		long form = newForm("16:00");
		OffsetDateTime from = today().atStartOfDay(clock.getZone()).toOffsetDateTime();
		OffsetDateTime to = from.plusDays(1);
		String like = COMMUNITY1 + "%";
		cases.report(signedIn("center"), new NewCase("E0101", "预填测试", GRID1, null, null, null, CaseSource.HOTLINE,
				null), null);
		long newCases = jdbc.sql("SELECT COUNT(*) FROM case_file WHERE jurisdiction_code LIKE ? AND reported_at >= ?"
				+ " AND reported_at < ?").params(like, from, to).query(Long.class).single();
		long quarantined = jdbc.sql("SELECT COUNT(*) FROM quarantine_order o JOIN quarantine_person p ON p.id ="
				+ " o.person_id WHERE o.status = 'ACTIVE' AND o.type = 'HOME' AND p.grid_code LIKE ?").param(like)
				.query(Long.class).single();
		long screened = jdbc.sql("SELECT COUNT(DISTINCT household_id) FROM screening_record WHERE grid_code LIKE ?"
				+ " AND recorded_at >= ? AND recorded_at < ?").params(like, from, to).query(Long.class).single();
		assertThat(newCases).isPositive();

		mvc.perform(get("/api/v1/report-forms/" + form + "/submissions/" + COMMUNITY1 + "/" + today())
				.with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.state").value("MISSING"))
				.andExpect(jsonPath("$.values.cases").value((int) newCases))
				.andExpect(jsonPath("$.values.quarantined").value((int) quarantined))
				.andExpect(jsonPath("$.values.screened").value((int) screened))
				.andExpect(jsonPath("$.prefilled", containsInAnyOrder("screened", "quarantined", "cases")));

		// submitted without them, the pre-filled fields are filled in
		submit("community1", form, COMMUNITY1, today().toString(), "{\"fever\":0,\"risk\":\"低\"}")
				.andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("SUBMITTED"))
				.andExpect(jsonPath("$.values.cases").value((int) newCases))
				.andExpect(jsonPath("$.values.quarantined").value((int) quarantined));
	}

	@Test
	void aCommunitySubmitsItsStreetReturnsAndAcceptsAndACorrectionKeepsTheOldValueInHistory() throws Exception {
		long form = newForm("23:59");
		String day = today().minusDays(1).toString();
		String json = submit("community1", form, COMMUNITY1, day,
				"{\"screened\":12,\"quarantined\":3,\"cases\":1,\"fever\":2,\"rate\":\"97.5\",\"risk\":\"中\",\"notes\":\"正常\"}")
				.andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("SUBMITTED"))
				.andExpect(jsonPath("$.values.fever").value(2)).andExpect(jsonPath("$.values.rate").value(97.5))
				.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(json, "$.id")).longValue();

		// the street sees it waiting; another street's staff and the community itself may not review
		mvc.perform(get("/api/v1/report-submissions").with(as("street1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].id", hasItem((int) id)));
		mvc.perform(post("/api/v1/report-submissions/" + id + "/accept").with(as("community1")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/report-submissions/" + id + "/return").with(as("street1")).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("note")));
		mvc.perform(post("/api/v1/report-submissions/" + id + "/return").with(as("street1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"发热人数请核实\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RETURNED"))
				.andExpect(jsonPath("$.reviewNote").value("发热人数请核实"));
		// accepting a returned report is refused in words
		mvc.perform(post("/api/v1/report-submissions/" + id + "/accept").with(as("street1")).header("Accept-Language", "en"))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.message", containsString("Sent back")));
		submit("community1", form, COMMUNITY1, day, "{\"fever\":1}").andExpect(status().isCreated())
				.andExpect(jsonPath("$.state").value("SUBMITTED")).andExpect(jsonPath("$.values.fever").value(1))
				.andExpect(jsonPath("$.values.notes").value("正常"));
		mvc.perform(post("/api/v1/report-submissions/" + id + "/accept").with(as("street1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ACCEPTED"))
				.andExpect(jsonPath("$.reviewedBy").value("street1"));

		// a correction needs a reason, makes revision 2 and goes back to review; the old value stays in the history
		mvc.perform(post("/api/v1/report-submissions/" + id + "/correct").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"values\":{\"fever\":4}}"))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/report-submissions/" + id + "/correct").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"values\":{\"fever\":4},\"reason\":\"漏报两人\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(2))
				.andExpect(jsonPath("$.state").value("SUBMITTED")).andExpect(jsonPath("$.values.fever").value(4));
		mvc.perform(get("/api/v1/report-submissions/" + id + "/history").with(as("street1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].action", contains("SUBMIT", "RETURN", "SUBMIT", "ACCEPT", "CORRECT")))
				.andExpect(jsonPath("$[3].values.fever").value(1)).andExpect(jsonPath("$[3].revision").value(1))
				.andExpect(jsonPath("$[4].values.fever").value(4)).andExpect(jsonPath("$[4].note").value("漏报两人"))
				.andExpect(jsonPath("$[4].by").value("community1"));
		// a community of another street does not see it
		mvc.perform(get("/api/v1/report-submissions/" + id).with(as("liaison1"))).andExpect(status().isForbidden());
	}

	@Test
	void aLateCommunityIsFlaggedOnceTheDeadlinePasses() throws Exception {
		at(10, 0);
		long form = newForm("16:00");
		String day = today().toString();
		mvc.perform(get("/api/v1/report-forms/" + form + "/rollup").param("date", day).param("jurisdiction", STREET1)
				.with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.pastDeadline").value(false)).andExpect(jsonPath("$.late").value(0))
				.andExpect(jsonPath("$.children[?(@.code == '" + COMMUNITY1 + "')].state").value(contains("MISSING")))
				.andExpect(jsonPath("$.children[?(@.code == '" + COMMUNITY1 + "')].late").value(contains(false)));

		at(16, 30);
		mvc.perform(get("/api/v1/report-forms/" + form + "/rollup").param("date", day).param("jurisdiction", STREET1)
				.with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.pastDeadline").value(true))
				.andExpect(jsonPath("$.children[?(@.code == '" + COMMUNITY1 + "')].late").value(contains(true)))
				.andExpect(jsonPath("$.late").value(greaterThan(0)));
		// handed in after the deadline: late, and stays so
		submit("community1", form, COMMUNITY1, day, "{\"fever\":0,\"risk\":\"低\"}").andExpect(status().isCreated())
				.andExpect(jsonPath("$.late").value(true));
		// the district's roll-up: one row per street with its communities counted
		String rollup = mvc.perform(get("/api/v1/report-forms/" + form + "/rollup").param("date", day)
				.with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.children[?(@.code == '" + STREET1 + "')].state").value(contains("MISSING")))
				.andExpect(jsonPath("$.children[?(@.code == '" + STREET1 + "')].handedIn").value(contains(1)))
				.andExpect(jsonPath("$.counts.SUBMITTED").value(1))
				.andReturn().getResponse().getContentAsString();
		List<Object> places = JsonPath.read(rollup, "$.places");
		long communities = jdbc.sql("SELECT COUNT(*) FROM jurisdiction WHERE level = 'COMMUNITY'").query(Long.class)
				.single();
		assertThat((long) places.size()).isEqualTo(communities);
		assertThat(((Number) JsonPath.read(rollup, "$.late")).longValue()).isEqualTo(communities);
	}

	@Test
	void remindersGoOnceToTheCommunitiesThatHaveNotSubmittedBeforeTheDeadline() throws Exception {
		at(13, 0);
		long form = newForm("16:00");
		long before = inbox("community1", form);
		reminders.remind();
		assertThat(inbox("community1", form)).isEqualTo(before);

		at(15, 20);
		reminders.remind();
		assertThat(inbox("community1", form)).isEqualTo(before + 1);
		reminders.remind();
		assertThat(inbox("community1", form)).isEqualTo(before + 1);
		assertThat(reminders.reminded(form, today())).contains(COMMUNITY1);
		submit("community1", form, COMMUNITY1, today().toString(), "{\"fever\":0,\"risk\":\"低\"}")
				.andExpect(status().isCreated());
		long other = newForm("16:00");
		submit("community1", other, COMMUNITY1, today().toString(), "{\"fever\":0,\"risk\":\"低\"}")
				.andExpect(status().isCreated());
		reminders.remind();
		assertThat(reminders.reminded(other, today())).doesNotContain(COMMUNITY1);
	}

	long inbox(String username, long form) {
		String name = jdbc.sql("SELECT name FROM report_form WHERE id = ?").param(form).query(String.class).single();
		return jdbc.sql("SELECT COUNT(*) FROM notice_outbox o JOIN app_user u ON u.id = o.recipient_id"
				+ " WHERE u.username = ? AND o.channel = 'INBOX' AND o.title = ?").params(username, "报送提醒：" + name)
				.query(Long.class).single();
	}

	@Test
	void aCommunitySeesItsOwnAndAStreetItsSubtree() throws Exception {
		long form = newForm("16:00");
		String day = today().toString();
		mvc.perform(get("/api/v1/report-forms/" + form + "/rollup").param("date", day).with(as("community1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.places[*].code", contains(COMMUNITY1)));
		mvc.perform(get("/api/v1/report-forms/" + form + "/rollup").param("date", day)
				.param("jurisdiction", DISTRICT).with(as("community1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/report-forms/" + form + "/rollup").param("date", day).with(as("street1")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.places[*].code", everyItem(startsWith("320819001"))))
				.andExpect(jsonPath("$.places.length()").value(greaterThan(1)));
		mvc.perform(get("/api/v1/report-forms/" + form + "/rollup").param("date", day)
				.param("jurisdiction", "320819002000").with(as("street1"))).andExpect(status().isForbidden());
		// filling in for another community, or as a street, is refused
		submit("community1", form, OTHER_STREET_COMMUNITY, day, "{\"fever\":0,\"risk\":\"低\"}")
				.andExpect(status().isForbidden());
		submit("street1", form, COMMUNITY1, day, "{\"fever\":0,\"risk\":\"低\"}").andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/report-forms").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/report-forms").param("size", "2").with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content.length()").value(2)).andExpect(jsonPath("$.page.totalElements")
						.value(greaterThan(1)));
	}

	long newUnitForm(String deadline) throws Exception {
		String json = mvc.perform(post("/api/v1/report-forms").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name":"单位报表%s","level":"UNIT","deadline":"%s","fields":[
						 {"key":"staff","label":"在岗人数","kind":"INTEGER","required":true},
						 {"key":"notes","label":"其他","kind":"TEXT"}]}""".formatted(UUID.randomUUID().toString()
						.substring(0, 6), deadline)))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.level").value("UNIT")).andReturn().getResponse()
				.getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	@Test
	void aUnitFillsInItsOwnReportTheCenterReviewsItAndSeesEveryUnit() throws Exception {
		long form = newUnitForm("23:59");
		String own = jdbc.sql("SELECT code FROM unit WHERE id = 2").query(String.class).single();
		String other = jdbc.sql("SELECT MIN(code) FROM unit WHERE kind = 'DEPARTMENT' AND id <> 2").query(String.class)
				.single();
		long departments = jdbc.sql("SELECT COUNT(*) FROM unit WHERE kind = 'DEPARTMENT'").query(Long.class).single();
		String day = today().toString();
		// GridLink pre-fills places' figures only
		mvc.perform(post("/api/v1/report-forms").with(as("center")).contentType(MediaType.APPLICATION_JSON).content("""
				{"name":"单位预填","level":"UNIT","deadline":"16:00","fields":[
				 {"key":"cases","label":"新增事件","kind":"INTEGER","prefill":"NEW_CASES"}]}"""))
				.andExpect(status().isBadRequest());
		// the department sees the unit forms only, and its own unit
		mvc.perform(get("/api/v1/report-forms").param("size", "100").with(as("dept1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content[*].level", everyItem(is("UNIT"))))
				.andExpect(jsonPath("$.content[?(@.id == " + form + ")]").isNotEmpty());
		long communityForm = newForm("16:00");
		mvc.perform(get("/api/v1/report-forms/" + communityForm).with(as("dept1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/report-forms/" + form + "/rollup").with(as("dept1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.places[*].code", contains(own)));
		// it fills in for its own unit only; a community's staff and codes that are no unit are refused
		submit("dept1", form, other, day, "{\"staff\":3}").andExpect(status().isForbidden());
		submit("dept1", form, COMMUNITY1, day, "{\"staff\":3}").andExpect(status().isBadRequest());
		submit("community1", form, own, day, "{\"staff\":3}").andExpect(status().isForbidden());
		submit("dept1", form, own, day, "{\"staff\":\"many\"}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message", containsString("在岗人数")));
		String json = submit("dept1", form, own, day, "{\"staff\":12,\"notes\":\"正常\"}")
				.andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("SUBMITTED"))
				.andExpect(jsonPath("$.jurisdictionCode").value(own)).andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(json, "$.id")).longValue();
		// the center reviews units' reports (a street does not)
		mvc.perform(get("/api/v1/report-submissions").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.id == " + id + ")].jurisdictionName").value(contains(
						jdbc.sql("SELECT name FROM unit WHERE id = 2").query(String.class).single())));
		mvc.perform(post("/api/v1/report-submissions/" + id + "/accept").with(as("street1")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/report-submissions/" + id + "/accept").with(as("dept1")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/report-submissions/" + id + "/accept").with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ACCEPTED"));
		// the roll-up: one row per department, the missing ones marked
		mvc.perform(get("/api/v1/report-forms/" + form + "/rollup").param("date", day).with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.places.length()").value((int) departments))
				.andExpect(jsonPath("$.children.length()").value((int) departments))
				.andExpect(jsonPath("$.children[?(@.code == '" + own + "')].state").value(contains("ACCEPTED")))
				.andExpect(jsonPath("$.children[?(@.code == '" + other + "')].state").value(contains("MISSING")))
				.andExpect(jsonPath("$.counts.ACCEPTED").value(1))
				.andExpect(jsonPath("$.counts.MISSING").value((int) departments - 1))
				.andExpect(jsonPath("$.totals.staff").value(12));
		// a correction with a reason keeps the old value; the series and the export read the unit's report
		mvc.perform(post("/api/v1/report-submissions/" + id + "/correct").with(as("dept1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"values\":{\"staff\":13},\"reason\":\"漏计一人\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(2));
		mvc.perform(get("/api/v1/report-submissions/" + id + "/history").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[1].values.staff").value(12)).andExpect(jsonPath("$[2].values.staff").value(13))
				.andExpect(jsonPath("$[2].note").value("漏计一人"));
		mvc.perform(get("/api/v1/report-forms/" + form + "/series").param("field", "staff").param("from", day)
				.with(as("center"))).andExpect(status().isOk()).andExpect(jsonPath("$.values[0]").value(13));
		mvc.perform(get("/api/v1/report-submissions/" + id).with(as("community1"))).andExpect(status().isForbidden());
		// the pages: the department fills in on its phone page, the center's roll-up names the units
		String unitName = jdbc.sql("SELECT name FROM unit WHERE code = ?").param(other).query(String.class).single();
		mvc.perform(get("/reports/" + form + "/fill").with(as("dept1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("在岗人数")))
				.andExpect(content().string(containsString("value=\"" + own + "\"")));
		mvc.perform(get("/reports/" + form + "/rollup").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString(unitName)))
				.andExpect(content().string(containsString("data-code=\"" + other + "\"")));
		mvc.perform(get("/reports").with(as("dept1"))).andExpect(status().isOk());
	}

	@Test
	void aUnitThatHasNotReportedIsRemindedBeforeTheDeadline() throws Exception {
		at(15, 20);
		long form = newUnitForm("16:00");
		String own = jdbc.sql("SELECT code FROM unit WHERE id = 2").query(String.class).single();
		String name = jdbc.sql("SELECT name FROM report_form WHERE id = ?").param(form).query(String.class).single();
		long before = jdbc.sql("SELECT COUNT(*) FROM notice_outbox o JOIN app_user u ON u.id = o.recipient_id WHERE"
				+ " u.username = 'dept1' AND o.title = ?").param("报送提醒：" + name).query(Long.class).single();
		reminders.remind();
		assertThat(reminders.reminded(form, today())).contains(own);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_outbox o JOIN app_user u ON u.id = o.recipient_id WHERE"
				+ " u.username = 'dept1' AND o.title = ?").param("报送提醒：" + name).query(Long.class).single())
				.isEqualTo(before + 1);
		at(16, 30);
		mvc.perform(get("/api/v1/report-forms/" + form + "/rollup").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.children[?(@.code == '" + own + "')].late").value(contains(true)));
	}

	@Test
	void aFieldsSeriesOverTimeIsTheSumOfTheHandedInReportsOfEachDay() throws Exception {
		long form = jdbc.sql("SELECT MIN(id) FROM report_form WHERE name = ?").param(DemoDailyReportLoader.FORM_NAME)
				.query(Long.class).single();
		LocalDate to = today().minusDays(1);
		LocalDate from = to.minusDays(9);
		String json = mvc.perform(get("/api/v1/report-forms/" + form + "/series").param("field", "gate_checks")
				.param("from", from.toString()).param("to", to.toString()).param("jurisdiction", STREET1)
				.with(as("center"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> days = JsonPath.read(json, "$.days");
		List<Number> values = JsonPath.read(json, "$.values");
		assertThat(days).hasSize(10).startsWith(from.toString()).endsWith(to.toString());
		for (int i = 0; i < days.size(); i++) {
			long direct = jdbc.sql("SELECT field_values FROM report_submission WHERE form_id = ? AND report_date = ?"
					+ " AND state IN ('SUBMITTED', 'ACCEPTED') AND jurisdiction_code LIKE '320819001%'")
					.params(form, LocalDate.parse(days.get(i))).query(String.class).list().stream()
					.mapToLong(v -> Long.parseLong(v.replaceAll(".*\"gate_checks\":(\\d+).*", "$1"))).sum();
			assertThat(values.get(i).longValue()).as(days.get(i)).isEqualTo(direct);
		}
		assertThat(values.stream().mapToLong(Number::longValue).sum()).isPositive();
		// only a number field; a period of at most 366 days; the caller's scope
		mvc.perform(get("/api/v1/report-forms/" + form + "/series").param("field", "notes").param("from", from.toString())
				.with(as("center"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/report-forms/" + form + "/series").param("field", "gate_checks")
				.param("from", to.minusDays(400).toString()).param("to", to.toString()).with(as("center")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/report-forms/" + form + "/series").param("field", "gate_checks")
				.param("from", from.toString()).param("jurisdiction", "320819002000").with(as("street1")))
				.andExpect(status().isForbidden());
	}

	@Test
	void badInputIsRefusedWithTheFieldsMessage() throws Exception {
		long form = newForm("16:00");
		String day = today().toString();
		submit("community1", form, COMMUNITY1, day, "{\"fever\":0,\"risk\":\"低\",\"weather\":\"晴\"}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("weather")));
		submit("community1", form, COMMUNITY1, day, "{\"fever\":\"two\",\"risk\":\"低\"}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("发热人数")))
				.andExpect(jsonPath("$.message", containsString("whole number")));
		submit("community1", form, COMMUNITY1, day, "{\"fever\":1.5,\"risk\":\"低\"}")
				.andExpect(status().isBadRequest());
		submit("community1", form, COMMUNITY1, day, "{\"fever\":-1,\"risk\":\"低\"}")
				.andExpect(status().isBadRequest());
		submit("community1", form, COMMUNITY1, day, "{\"fever\":0,\"risk\":\"极高\"}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("低 / 中 / 高")));
		submit("community1", form, COMMUNITY1, day, "{\"fever\":0,\"risk\":\"低\",\"rate\":\"abc\"}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("保障率")));
		submit("community1", form, COMMUNITY1, day, "{\"fever\":0}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("风险等级")));
		submit("community1", form, COMMUNITY1, today().plusDays(1).toString(), "{\"fever\":0,\"risk\":\"低\"}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("future")));
		submit("community1", form, COMMUNITY1, "2026-02-30", "{\"fever\":0,\"risk\":\"低\"}")
				.andExpect(status().isBadRequest());
		submit("community1", form, "abc", day, "{\"fever\":0,\"risk\":\"低\"}").andExpect(status().isBadRequest());
		submit("community1", form, GRID1, day, "{\"fever\":0,\"risk\":\"低\"}").andExpect(status().isBadRequest());
		submit("community1", 999_999_999L, COMMUNITY1, day, "{}").andExpect(status().isNotFound());
		// a draft may leave required fields empty
		mvc.perform(post("/api/v1/report-forms/" + form + "/submissions").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"jurisdictionCode\":\"" + COMMUNITY1 + "\",\"date\":\"" + day + "\",\"values\":{\"fever\":3},\"draft\":true}"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("DRAFT"));
		// the form definition
		mvc.perform(post("/api/v1/report-forms").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content(form("x", "16:00"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/report-forms").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content(form("x", "25:00"))).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/report-forms").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content(form("x", "16:00").replace("\"options\":[\"低\",\"中\",\"高\"]", "\"options\":[\"低\"]")))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/report-forms").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content(form("x", "16:00").replace("\"kind\":\"TEXT\"", "\"kind\":\"TEXT\",\"prefill\":\"NEW_CASES\"")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/report-forms/" + form + "/rollup").param("date", "2099-01-01").with(as("center")))
				.andExpect(status().isBadRequest());
	}
}
