package org.gridlink.enterprise.appeals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;

import org.gridlink.cases.CaseManagement;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.Role;
import org.gridlink.support.TestClock;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Appeals through the case loop: the API's 201 and 400s, green-channel limits applied and measured (met and missed,
 * urged once), a "not satisfied" rating reopens and escalates, a liaison sees only their enterprises' appeals, the
 * public page's bad inputs and its brake, and a reception day's booking and matter. Fixture enterprises are inserted
 * directly (the registry's own pages are another part's).
 */
@WebTest
class AppealsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Appeals appeals;

	@Autowired
	AppealSweep sweep;

	@Autowired
	CaseManagement cases;

	@Autowired
	Organization organization;

	@Autowired
	Accounts accounts;

	/** Starts the public forms' brake afresh (the count is kept in the database). */
	void resetBrake() {
		jdbc.sql("DELETE FROM attempt_count WHERE limit_name = 'enterprise.public-form'").update();
	}

	long unit;
	String handler;

	@BeforeEach
	void unitOfItsOwn() {
		clock.toDaytime();
		String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
		unit = organization.createUnit("EA" + suffix, "诉求测试单位" + suffix, "DEPARTMENT");
		handler = "appeal" + suffix;
		accounts.create(new NewAccount(handler, "诉求测试员", "Appeal#Test2026", Set.of(Role.DEPT), Set.of(DISTRICT),
				unit));
	}

	@AfterEach
	void reset() {
		clock.reset();
	}

	/** A fixture enterprise in grid 1 (key or not), with a random credit code. */
	record Fixture(long id, String creditCode) {
	}

	Fixture enterprise(boolean key) {
		String code = "91320819" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
				.toUpperCase(java.util.Locale.ROOT);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO enterprise (credit_code, name, grid_code, key_enterprise, address, created_at, created_by)"
				+ " VALUES (?, ?, ?, ?, ?, ?, 'test')").params(code, "测试企业" + code.substring(8), GRID1, key,
						"测试路1号", OffsetDateTime.now()).update(keys, "id");
		return new Fixture(keys.getKey().longValue(), code);
	}

	void liaison(Fixture e, String username) {
		long account = accounts.find(username).orElseThrow().id();
		jdbc.sql("INSERT INTO enterprise_liaison (enterprise_id, account_id) VALUES (?, ?)").params(e.id(), account)
				.update();
	}

	ResultActions fileApi(String who, long enterprise, String json) throws Exception {
		return mvc.perform(post("/api/v1/enterprises/" + enterprise + "/appeals").with(as(who))
				.header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	long caseOf(String answer) {
		return ((Number) JsonPath.read(answer, "$.caseId")).longValue();
	}

	void step(String who, long caseId, String action, String body) throws Exception {
		mvc.perform(post("/api/v1/cases/" + caseId + "/actions/" + action).with(as(who))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
	}

	record Clock3(OffsetDateTime filed, OffsetDateTime respondDue, OffsetDateTime planDue, OffsetDateTime closeDue,
			OffsetDateTime responded, OffsetDateTime planned, OffsetDateTime closed, boolean respondUrged,
			int level, int dissatisfied) {
	}

	Clock3 row(long caseId) {
		return jdbc.sql("SELECT filed_at, respond_due_at, plan_due_at, close_due_at, responded_at, planned_at,"
				+ " closed_at, respond_urged, escalation_level, dissatisfied_count FROM enterprise_appeal"
				+ " WHERE case_id = ?").param(caseId)
				.query((rs, i) -> new Clock3(rs.getObject(1, OffsetDateTime.class),
						rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class),
						rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
						rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class),
						rs.getBoolean(8), rs.getInt(9), rs.getInt(10)))
				.single();
	}

	@Test
	void theApiFilesAnAppealAsAnEnterpriseCaseAndAnswers201() throws Exception {
		Fixture key = enterprise(true);
		String green = fileApi("center", key.id(), "{\"categoryCode\":\"S0702\",\"description\":\"退税进度咨询\"}")
				.andExpect(status().isCreated()).andExpect(jsonPath("$.greenChannel").value(true))
				.andExpect(jsonPath("$.caseId").isNumber()).andExpect(jsonPath("$.deadlineAt").isString())
				.andReturn().getResponse().getContentAsString();
		long caseId = caseOf(green);
		Clock3 c = row(caseId);
		// the green channel's default limits: 60 minutes, 24 hours, 7 days from the filing
		assertThat(Duration.between(c.filed(), c.respondDue())).isEqualTo(Duration.ofMinutes(60));
		assertThat(Duration.between(c.filed(), c.planDue())).isEqualTo(Duration.ofHours(24));
		assertThat(Duration.between(c.filed(), c.closeDue())).isEqualTo(Duration.ofDays(7));
		assertThat(OffsetDateTime.parse(JsonPath.read(green, "$.deadlineAt"))).isEqualTo(c.closeDue());
		assertThat(jdbc.sql("SELECT source || ' ' || category_code || ' ' || jurisdiction_code FROM case_file WHERE id = ?")
				.param(caseId).query(String.class).single()).isEqualTo("ENTERPRISE S0702 " + GRID1);

		// not a key enterprise, a class outside the configured ones: the standard limits (24 h, 3 days, 15 days)
		Fixture plain = enterprise(false);
		String standard = fileApi("center", plain.id(), "{\"categoryCode\":\"S0702\",\"description\":\"发票问题\"}")
				.andExpect(status().isCreated()).andExpect(jsonPath("$.greenChannel").value(false))
				.andReturn().getResponse().getContentAsString();
		Clock3 s = row(caseOf(standard));
		assertThat(Duration.between(s.filed(), s.respondDue())).isEqualTo(Duration.ofHours(24));
		assertThat(Duration.between(s.filed(), s.closeDue())).isEqualTo(Duration.ofDays(15));
		// a configured class (labour disputes) goes green for any enterprise
		fileApi("center", plain.id(), "{\"categoryCode\":\"S0704\",\"description\":\"工资争议\"}")
				.andExpect(status().isCreated()).andExpect(jsonPath("$.greenChannel").value(true));

		mvc.perform(get("/api/v1/enterprises/" + plain.id() + "/appeals").with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").value(2));
	}

	@Test
	void badInputToTheApiIsRefusedAndFilesNothing() throws Exception {
		Fixture e = enterprise(false);
		fileApi("center", e.id(), "{\"description\":\"没有类别\"}").andExpect(status().isBadRequest());
		fileApi("center", e.id(), "{\"categoryCode\":\"C0101\",\"description\":\"不是诉求类别\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message").value(containsString("Choose what the appeal is about")));
		fileApi("center", e.id(), "{\"categoryCode\":\"S0701\",\"description\":\"   \"}")
				.andExpect(status().isBadRequest());
		fileApi("center", e.id(), "{\"categoryCode\":\"S0701\",\"description\":\"" + "长".repeat(1801) + "\"}")
				.andExpect(status().isBadRequest());
		fileApi("center", e.id(), "{\"categoryCode\":").andExpect(status().isBadRequest());
		fileApi("center", 987_654_321L, "{\"categoryCode\":\"S0701\",\"description\":\"x\"}")
				.andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM enterprise_appeal WHERE enterprise_id = ?").param(e.id())
				.query(Long.class).single()).isZero();
	}

	@Test
	void greenChannelLimitsAreMeasuredAndAMissedStepIsUrgedOnce() throws Exception {
		Fixture e = enterprise(true);
		// in time: the unit accepts at once, answers after two hours
		long fast = caseOf(fileApi("center", e.id(), "{\"categoryCode\":\"S0701\",\"description\":\"续贷\"}")
				.andReturn().getResponse().getContentAsString());
		step("center", fast, "file", "{}");
		step("center", fast, "dispatch", "{\"unitId\":" + unit + "}");
		step(handler, fast, "accept", "{}");
		clock.advance(Duration.ofHours(2));
		step(handler, fast, "feedback", "{\"note\":\"已对接银行\"}");
		appeals.refresh(List.of(fast));
		Clock3 f = row(fast);
		assertThat(f.responded()).isNotNull().isBeforeOrEqualTo(f.respondDue());
		assertThat(f.planned()).isNotNull().isBeforeOrEqualTo(f.planDue());
		assertThat(f.closed()).isNull();

		// late: nobody accepts for 90 minutes
		clock.reset();
		clock.toDaytime();
		long slow = caseOf(fileApi("center", e.id(), "{\"categoryCode\":\"S0703\",\"description\":\"房租\"}")
				.andReturn().getResponse().getContentAsString());
		step("center", slow, "file", "{}");
		step("center", slow, "dispatch", "{\"unitId\":" + unit + "}");
		clock.advance(Duration.ofMinutes(90));
		sweep.sweep();
		assertThat(row(slow).respondUrged()).isTrue();
		// the home task counts it for whoever sees the enterprise
		assertThat(appeals.overdue(centerUser())).isPositive();
		String urge = "appeal:" + jdbc.sql("SELECT id FROM enterprise_appeal WHERE case_id = ?").param(slow)
				.query(Long.class).single() + ":urge:RESPOND:0:%";
		long urged = jdbc.sql("SELECT COUNT(*) FROM notice_message_key WHERE idem_key LIKE ?").param(urge)
				.query(Long.class).single();
		// the supervisor (the demo leader) and the unit's member
		assertThat(urged).isEqualTo(2);
		sweep.sweep();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_message_key WHERE idem_key LIKE ?").param(urge)
				.query(Long.class).single()).isEqualTo(urged);
		step(handler, slow, "accept", "{}");
		appeals.refresh(List.of(slow));
		Clock3 s = row(slow);
		assertThat(s.responded()).isAfter(s.respondDue());

		// the page shows the step late, the figures count one in time and one late among this enterprise's
		AppealLine fastLine = appeals.list(centerUser(), e.id(), null, false, 0, 10).getContent().stream()
				.filter(l -> l.caseId() == fast).findFirst().orElseThrow();
		assertThat(fastLine.respondMet()).isTrue();
		assertThat(fastLine.planMet()).isTrue();
		mvc.perform(get("/enterprises/" + e.id() + "/appeals").with(as("center")).param("lang", "en"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("late, ")))
				.andExpect(content().string(containsString("Green channel")))
				// the shared kind and text fields (enterprise/appeals/parts :: appealFields), three rows here
				.andExpect(content().string(containsString("<select class=\"form-select\" id=\"categoryCode\"")))
				.andExpect(content().string(containsString("name=\"description\" rows=\"3\"")));
		mvc.perform(get("/api/v1/enterprise-appeals/green-channel/kpis").with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.green.appeals").isNumber())
				.andExpect(jsonPath("$.standard.appeals").isNumber());
		mvc.perform(get("/enterprise-appeals/green-channel").with(as("leader")).param("lang", "en"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("Closure within the limit")));
	}

	org.gridlink.platform.CurrentUser centerUser() {
		var a = accounts.find("center").orElseThrow();
		return new org.gridlink.platform.CurrentUser(a.id(), a.username(), a.displayName(), a.roles(),
				org.gridlink.platform.Scope.of(a.scope()), a.unitId());
	}

	@Test
	void notSatisfiedReopensTheAppealAndEscalates() throws Exception {
		Fixture e = enterprise(true);
		liaison(e, "liaison1");
		long id = caseOf(fileApi("liaison1", e.id(), "{\"categoryCode\":\"S0705\",\"description\":\"合同纠纷\"}")
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
		step("center", id, "file", "{}");
		step("center", id, "dispatch", "{\"unitId\":" + unit + "}");
		step(handler, id, "accept", "{}");
		step(handler, id, "feedback", "{\"note\":\"已调解\"}");
		step("center", id, "verify", "{\"passed\":true}");
		step("center", id, "close", "{\"note\":\"已办结\"}");
		appeals.closed(id, 0);
		long appealId = jdbc.sql("SELECT id FROM enterprise_appeal WHERE case_id = ?").param(id).query(Long.class)
				.single();
		assertThat(row(id).closed()).isNotNull();
		// the follow-up: the liaison got the rating link in the inbox, once
		long liaison = accounts.find("liaison1").orElseThrow().id();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_message_key WHERE idem_key = ?")
				.param("appeal:" + appealId + ":follow-up:1:" + liaison).query(Long.class).single()).isEqualTo(1);
		appeals.closed(id, 0);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_message_key WHERE idem_key LIKE ?")
				.param("appeal:" + appealId + ":follow-up:%").query(Long.class).single()).isEqualTo(1);

		String token = cases.newRatingLink(id).substring("/rate/".length());
		mvc.perform(post("/rate/" + token).with(csrf()).param("satisfaction", "1").param("comment", "没解决"))
				.andExpect(status().is3xxRedirection());
		OffsetDateTime before = OffsetDateTime.now(clock);
		appeals.reopened(id);
		appeals.reopened(id);
		Clock3 r = row(id);
		assertThat(r.level()).isEqualTo(1);
		assertThat(r.dissatisfied()).isEqualTo(1);
		assertThat(r.closed()).isNull();
		assertThat(r.closeDue()).isAfter(before.plusDays(7).minusMinutes(5));
		long leader = accounts.find("leader").orElseThrow().id();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notice_message_key WHERE idem_key = ?")
				.param("appeal:" + appealId + ":escalated:1:" + leader).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT status FROM case_file WHERE id = ?").param(id).query(String.class).single())
				.isEqualTo("HANDLED");
	}

	@Test
	void aLiaisonSeesOnlyTheirEnterprisesAppeals() throws Exception {
		Fixture mine = enterprise(false);
		Fixture other = enterprise(false);
		liaison(mine, "liaison1");
		long myCase = caseOf(fileApi("liaison1", mine.id(), "{\"categoryCode\":\"S0706\",\"description\":\"咨询\"}")
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
		long otherCase = caseOf(fileApi("center", other.id(), "{\"categoryCode\":\"S0706\",\"description\":\"咨询\"}")
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
		String list = mvc.perform(get("/api/v1/enterprise-appeals").param("size", "100").with(as("liaison1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Integer> seen = JsonPath.read(list, "$.content[*].caseId");
		assertThat(seen).contains((int) myCase).doesNotContain((int) otherCase);
		List<Integer> enterprises = JsonPath.read(list, "$.content[*].enterpriseId");
		assertThat(enterprises).allMatch(id -> jdbc.sql("SELECT COUNT(*) FROM enterprise_liaison WHERE enterprise_id = ?"
				+ " AND account_id = ?").params(id, accounts.find("liaison1").orElseThrow().id()).query(Long.class)
				.single() == 1);
		mvc.perform(get("/api/v1/enterprises/" + other.id() + "/appeals").with(as("liaison1")))
				.andExpect(status().isNotFound());
		fileApi("liaison1", other.id(), "{\"categoryCode\":\"S0706\",\"description\":\"越权\"}")
				.andExpect(status().isNotFound());
		mvc.perform(get("/enterprises/" + other.id() + "/appeals").with(as("liaison1")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/enterprise-appeals").with(as("liaison1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-appeal")))
				.andExpect(content().string(not(containsString("/enterprises/" + other.id() + "/appeals"))));
		// a grid worker of another grid sees neither
		String grid2 = mvc.perform(get("/api/v1/enterprise-appeals").param("size", "100").with(as("grid2")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<Integer>>read(grid2, "$.content[*].caseId")).doesNotContain((int) myCase,
				(int) otherCase);
	}

	@Test
	void thePublicPageRefusesBadInputAndIsBraked() throws Exception {
		resetBrake();
		Fixture e = enterprise(false);
		String page = "/enterprise-appeal/" + e.creditCode();
		mvc.perform(get(page).param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("测试企业")));
		mvc.perform(get("/enterprise-appeal/913208190000000000")).andExpect(status().isNotFound());
		mvc.perform(get("/enterprise-appeal/x'--")).andExpect(status().isNotFound());
		mvc.perform(post(page).with(csrf()).param("phone", "12345").param("categoryCode", "S0701")
				.param("description", "贷款").param("lang", "en")).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("valid contact phone")))
				// the typed kind and text come back in the shared fields, four rows on the phone page
				.andExpect(content().string(containsString("value=\"S0701\" selected=\"selected\"")))
				.andExpect(content().string(containsString("name=\"description\" rows=\"4\"")))
				.andExpect(content().string(containsString(">贷款</textarea>")));
		mvc.perform(post(page).with(csrf()).param("phone", "13912345678").param("categoryCode", "S9999")
				.param("description", "贷款").param("lang", "en")).andExpect(status().isBadRequest());
		mvc.perform(post(page).with(csrf()).param("phone", "13912345678").param("categoryCode", "S0701")
				.param("description", "").param("lang", "en")).andExpect(status().isBadRequest());
		mvc.perform(post(page).param("phone", "13912345678").param("categoryCode", "S0701")
				.param("description", "没有令牌")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM enterprise_appeal WHERE enterprise_id = ?").param(e.id())
				.query(Long.class).single()).isZero();
		mvc.perform(post(page).with(csrf()).param("phone", "139 1234 5678").param("categoryCode", "S0701")
				.param("description", "申请续贷").param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"appeal-filed\"")));
		String masked = jdbc.sql("SELECT contact_phone_masked || ' ' || channel FROM enterprise_appeal"
				+ " WHERE enterprise_id = ?").param(e.id()).query(String.class).single();
		assertThat(masked).isEqualTo("139****5678 PUBLIC");
		assertThat(jdbc.sql("SELECT contact_phone_sealed FROM enterprise_appeal WHERE enterprise_id = ?")
				.param(e.id()).query(String.class).single()).doesNotContain("13912345678");
		// the brake: five submissions in the window (bad ones count too), the sixth refused
		mvc.perform(post(page).with(csrf()).param("phone", "13912345678").param("categoryCode", "S0706")
				.param("description", "第五次").param("lang", "en")).andExpect(status().isOk());
		mvc.perform(post(page).with(csrf()).param("phone", "13912345678").param("categoryCode", "S0701")
				.param("description", "第六次").param("lang", "en")).andExpect(status().isTooManyRequests());
		resetBrake();
	}

	@Test
	void aReceptionDayIsBookedOnlineAndEachMatterBecomesAnAppeal() throws Exception {
		resetBrake();
		Fixture e = enterprise(false);
		String start = java.time.LocalDateTime.now(clock).plusDays(3).withHour(9).withMinute(0).withSecond(0)
				.withNano(0).toString();
		String location = mvc.perform(post("/enterprises/reception-days").with(as("center")).param("startsAt", start)
				.param("leader", "leader").param("slots", "4").param("slotMinutes", "30").param("place", "接待室")
				.param("topic", "测试专场")).andExpect(status().is3xxRedirection()).andReturn().getResponse()
				.getRedirectedUrl();
		long day = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(post("/enterprises/reception-days").with(as("grid1")).param("startsAt", start)
				.param("leader", "leader").param("slots", "4").param("slotMinutes", "30").param("place", "接待室"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/enterprises/reception-days").with(as("center")).param("startsAt", start)
				.param("leader", "grid1").param("slots", "4").param("slotMinutes", "30").param("place", "接待室"))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/reception-booking").param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("/reception-booking/" + day)));
		String book = "/reception-booking/" + day;
		mvc.perform(post(book).with(csrf()).param("creditCode", "913208190000000000").param("phone", "13912345678")
				.param("slot", "1").param("subject", "融资")).andExpect(status().isBadRequest());
		mvc.perform(post(book).with(csrf()).param("creditCode", e.creditCode()).param("phone", "13912345678")
				.param("slot", "9").param("subject", "融资")).andExpect(status().isBadRequest());
		mvc.perform(post(book).with(csrf()).param("creditCode", e.creditCode()).param("phone", "13912345678")
				.param("slot", "2").param("subject", "融资")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"booked\"")));
		resetBrake();
		mvc.perform(post(book).with(csrf()).param("creditCode", e.creditCode()).param("phone", "13912345678")
				.param("slot", "2").param("subject", "再约")).andExpect(status().isConflict());
		long booking = jdbc.sql("SELECT id FROM reception_booking WHERE day_id = ? AND slot_no = 2").param(day)
				.query(Long.class).single();
		mvc.perform(get("/enterprises/reception-days/" + day).with(as("leader")).param("lang", "en"))
				.andExpect(status().isOk()).andExpect(content().string(containsString("139****5678")));
		mvc.perform(post("/enterprises/reception-days/" + day + "/bookings/" + booking + "/matters").with(as("leader"))
				.param("categoryCode", "S0701").param("description", "续贷困难")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT channel || ' ' || booking_id FROM enterprise_appeal WHERE enterprise_id = ?")
				.param(e.id()).query(String.class).single()).isEqualTo("RECEPTION " + booking);
		resetBrake();
	}
}
