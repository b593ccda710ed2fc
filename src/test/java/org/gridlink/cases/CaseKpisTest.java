package org.gridlink.cases;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * KPI figures against a hand-computed example. Eight cases are reported in grid 1, taken through the loop by the
 * center and a unit created for this test, then moved by SQL into a month of a far year of their own, so that no
 * other test's (or the demo's) cases share the period:
 * <pre>
 * A  filed, dispatched, accepted, handled, verified, closed on time, evaluated 3 (satisfied)   deadline 10th
 * B  … verification failed once (rework), handled again, closed on time, evaluated 1           deadline 11th
 * C  … extension asked and approved, closed on time, not evaluated                           deadline 12th
 * D  … clock started long ago, handled after the deadline, closed late                       deadline 13th
 * E  … accepted, still open (overdue)                                                        deadline 14th
 * F  not filed (rejected)
 * G  filed, not dispatched
 * H  dispatched and accepted, deadline next month (not due in the period)
 * </pre>
 * Intake: reports 8, decided 8 (filed 7 + not filed 1), filing rate 7/8; dispatched 6 (A–E, H), dispatch rate 6/7.
 * The unit: dispatched 6, due 5 (A–E), closed 4 (A–D), on time 3 (A–C), reworked 1 (B), extended 1 (C), evaluated 2
 * (A, B), satisfied 1 (A), average satisfaction 2.0; rates 0.8, 0.6, 0.2, 0.2 and 0.5.
 */
@WebTest
class CaseKpisTest {

	static final String PASSWORD_OF_UNIT = "Kpi#Test2026";

	@Autowired
	TestClock testClock;

	@AfterEach
	void timeAsItIs() {
		testClock.reset();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organization organization;

	@Autowired
	Accounts accounts;

	long unit;
	String handler;
	int year;
	String from;
	String to;

	@BeforeEach
	void unitOfItsOwn() {
		String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
		unit = organization.createUnit("KT" + suffix, "考核测试单位" + suffix, "DEPARTMENT");
		handler = "kpi" + suffix;
		accounts.create(new NewAccount(handler, "考核测试员", PASSWORD_OF_UNIT, Set.of(Role.DEPT), Set.of(DISTRICT), unit));
		year = 2040 + ThreadLocalRandom.current().nextInt(0, 400);
		from = year + "-03-01";
		to = year + "-03-31";
	}

	RequestPostProcessor unitHandler() {
		return as(handler);
	}

	long report(String what) throws Exception {
		String json = mvc.perform(post("/api/v1/cases").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"E0101\",\"description\":\"" + what + "\",\"jurisdictionCode\":\"" + GRID1
						+ "\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(json, "$.id")).longValue();
	}

	void step(RequestPostProcessor who, long id, String action, String body) throws Exception {
		mvc.perform(post("/api/v1/cases/" + id + "/actions/" + action).with(who)
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
	}

	long accepted(String what) throws Exception {
		long id = report(what);
		step(as("center"), id, "file", "{}");
		step(as("center"), id, "dispatch", "{\"unitId\":" + unit + "}");
		step(unitHandler(), id, "accept", "{}");
		return id;
	}

	void handledAndClosed(long id) throws Exception {
		step(unitHandler(), id, "feedback", "{\"note\":\"已处置\"}");
		step(as("center"), id, "verify", "{\"passed\":true}");
		step(as("center"), id, "close", "{}");
	}

	OffsetDateTime at(int day, int hour) {
		return OffsetDateTime.of(year, 3, day, hour, 0, 0, 0, ZoneOffset.ofHours(8));
	}

	/** Moves a case's times into the test's March; the deadline on {@code deadlineDay} (0: next month's 10th). */
	void intoPeriod(long id, int deadlineDay) {
		OffsetDateTime deadline = deadlineDay == 0 ? at(10, 12).plusMonths(1) : at(deadlineDay, 12);
		jdbc.sql("""
				UPDATE case_file SET reported_at = ?,
				filed_at = CASE WHEN filed_at IS NULL THEN NULL ELSE ? END,
				dispatched_at = CASE WHEN dispatched_at IS NULL THEN NULL ELSE ? END,
				deadline_at = CASE WHEN deadline_at IS NULL THEN NULL ELSE ? END WHERE id = ?""")
				.params(at(3, 10), at(3, 11), at(4, 9), deadline, id).update();
		jdbc.sql("UPDATE case_event SET occurred_at = ? WHERE case_id = ? AND action = 'reject'").params(at(3, 11), id)
				.update();
	}

	@Test
	void everyFigureAndRateEqualsTheHandComputationAndDrillsDownToItsCases() throws Exception {
		long a = accepted("KPI A");
		handledAndClosed(a);
		step(as("center"), a, "evaluate", "{\"satisfaction\":3}");

		long b = accepted("KPI B");
		step(unitHandler(), b, "feedback", "{\"note\":\"已处置\"}");
		step(as("center"), b, "verify", "{\"passed\":false,\"note\":\"未整改到位\"}");
		handledAndClosed(b);
		step(as("center"), b, "evaluate", "{\"satisfaction\":1}");

		long c = accepted("KPI C");
		step(unitHandler(), c, "extend", "{\"hours\":8,\"note\":\"需协调\"}");
		step(as("center"), c, "approve-extension", "{\"approved\":true}");
		handledAndClosed(c);

		long d = accepted("KPI D");
		testClock.advance(Duration.ofDays(60)); // handled two months after dispatch: late
		handledAndClosed(d);
		testClock.reset();
		assertThat(jdbc.sql("SELECT closed_on_time FROM case_file WHERE id = ?").param(d).query(Boolean.class).single())
				.isFalse();

		long e = accepted("KPI E");
		jdbc.sql("UPDATE case_file SET overdue = TRUE WHERE id = ?").param(e).update();

		long f = report("KPI F");
		step(as("center"), f, "reject", "{\"note\":\"不属于受理范围\"}");

		long g = report("KPI G");
		step(as("center"), g, "file", "{}");

		long h = accepted("KPI H");

		intoPeriod(a, 10);
		intoPeriod(b, 11);
		intoPeriod(c, 12);
		intoPeriod(d, 13);
		intoPeriod(e, 14);
		intoPeriod(f, 0);
		intoPeriod(g, 0);
		intoPeriod(h, 0);

		// the jurisdiction's total and the unit's row
		mvc.perform(get("/api/v1/cases/kpis").param("from", from).param("to", to).param("jurisdiction", GRID1)
				.with(as("center")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total.reports").value(8)).andExpect(jsonPath("$.total.decided").value(8))
				.andExpect(jsonPath("$.total.filed").value(7)).andExpect(jsonPath("$.total.rejected").value(1))
				.andExpect(jsonPath("$.total.filingRate").value(0.875))
				.andExpect(jsonPath("$.total.dispatched").value(6))
				.andExpect(jsonPath("$.total.dispatchRate").value(closeTo(6.0 / 7, 1e-9)))
				.andExpect(jsonPath("$.total.due").value(5))
				.andExpect(jsonPath("$.units", hasSize(1)))
				.andExpect(jsonPath("$.units[0].unitId").value((int) unit))
				.andExpect(jsonPath("$.units[0].reports").doesNotExist())
				.andExpect(jsonPath("$.units[0].dispatched").value(6))
				.andExpect(jsonPath("$.units[0].due").value(5))
				.andExpect(jsonPath("$.units[0].closed").value(4))
				.andExpect(jsonPath("$.units[0].closedOnTime").value(3))
				.andExpect(jsonPath("$.units[0].reworks").value(1))
				.andExpect(jsonPath("$.units[0].extensions").value(1))
				.andExpect(jsonPath("$.units[0].evaluations").value(2))
				.andExpect(jsonPath("$.units[0].satisfied").value(1))
				.andExpect(jsonPath("$.units[0].satisfactionAverage").value(2.0))
				.andExpect(jsonPath("$.units[0].closureRate").value(0.8))
				.andExpect(jsonPath("$.units[0].onTimeRate").value(0.6))
				.andExpect(jsonPath("$.units[0].reworkRate").value(0.2))
				.andExpect(jsonPath("$.units[0].extensionRate").value(0.2))
				.andExpect(jsonPath("$.units[0].satisfactionRate").value(0.5));

		// the same unit over the whole district, by the unit filter
		mvc.perform(get("/api/v1/cases/kpis").param("from", from).param("to", to).param("unit", String.valueOf(unit))
				.with(as("leader")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.total.reports").doesNotExist())
				.andExpect(jsonPath("$.total.due").value(5)).andExpect(jsonPath("$.total.onTimeRate").value(0.6));

		// the unit's own handler sees its row, without intake figures
		mvc.perform(get("/api/v1/cases/kpis").param("from", from).param("to", to).with(unitHandler()))
				.andExpect(status().isOk()).andExpect(jsonPath("$.total.filed").doesNotExist())
				.andExpect(jsonPath("$.units[0].unitId").value((int) unit))
				.andExpect(jsonPath("$.total.closedOnTime").value(3));

		assertThat(drill("due", true)).containsExactlyInAnyOrder(a, b, c, d, e);
		assertThat(drill("closed", true)).containsExactlyInAnyOrder(a, b, c, d);
		assertThat(drill("closedOnTime", true)).containsExactlyInAnyOrder(a, b, c);
		assertThat(drill("rework", true)).containsExactly(b);
		assertThat(drill("extension", true)).containsExactly(c);
		assertThat(drill("evaluated", true)).containsExactlyInAnyOrder(a, b);
		assertThat(drill("satisfied", true)).containsExactly(a);
		assertThat(drill("dispatched", true)).containsExactlyInAnyOrder(a, b, c, d, e, h);
		assertThat(drill("reports", false)).containsExactlyInAnyOrder(a, b, c, d, e, f, g, h);
		assertThat(drill("decided", false)).containsExactlyInAnyOrder(a, b, c, d, e, f, g, h);
		assertThat(drill("filed", false)).containsExactlyInAnyOrder(a, b, c, d, e, g, h);
		assertThat(drill("rejected", false)).containsExactly(f);

		// the page: the unit ranked with its figures linked to their cases, the drill-down page, the CSV
		String page = mvc.perform(get("/cases/kpis").param("period", "custom").param("from", from).param("to", to)
				.param("jurisdiction", GRID1).param("lang", "en").with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"kpi-units\"", "data-unit=\"" + unit + "\"", "60.0%", "id=\"kpi-chart\"",
				"/js/kpis.js", "metric=closedOnTime&amp;unit=" + unit);
		String list = mvc.perform(get("/cases/kpis/cases").param("metric", "closedOnTime")
				.param("unit", String.valueOf(unit)).param("period", "custom").param("from", from).param("to", to)
				.with(as("center")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("data-case=\"" + a + "\"", "data-case=\"" + b + "\"", "data-case=\"" + c + "\"",
				"href=\"/cases/" + a + "\"").doesNotContain("data-case=\"" + d + "\"");
		String csv = mvc.perform(get("/cases/kpis.csv").param("period", "custom").param("from", from).param("to", to)
				.param("jurisdiction", GRID1).param("lang", "en").with(as("center")))
				.andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv"))
				.andReturn().getResponse().getContentAsString();
		assertThat(csv.lines().toList()).hasSize(3);
		assertThat(csv.lines().toList().get(1)).startsWith("Total,8,8,7,1,6,5,4,3,1,1,2,1,0.8750,0.8571,0.8000,0.6000");
		assertThat(csv.lines().toList().get(2)).startsWith("考核测试单位").contains(",,,,6,5,4,3,1,1,2,1,");
	}

	List<Long> drill(String metric, boolean withUnit) throws Exception {
		var request = get("/api/v1/cases/kpis/cases").param("metric", metric).param("from", from).param("to", to)
				.param("size", "500").with(as("center"));
		request = withUnit ? request.param("unit", String.valueOf(unit)) : request.param("jurisdiction", GRID1);
		String json = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<Number> ids = JsonPath.read(json, "$.content[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

	@Test
	void onlyTheCenterLeadersAndDepartmentsSeeKpisAndEachOnlyTheirOwn() throws Exception {
		mvc.perform(get("/api/v1/cases/kpis").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/cases/kpis").with(as("street1"))).andExpect(status().isForbidden());
		mvc.perform(get("/cases/kpis").with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/cases/kpis").param("unit", String.valueOf(unit)).with(as("dept1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/cases/kpis/cases").param("metric", "reports").with(as("dept1")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/cases/kpis").param("jurisdiction", "320899000000").with(as("center")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/cases/kpis").with(as("dept1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.total.reports").doesNotExist())
				.andExpect(jsonPath("$.units[*].unitId", everyItem(is((int) CaseApiTest.CITY_MANAGEMENT))));
		mvc.perform(get("/cases/kpis").with(as("leader"))).andExpect(status().isOk());
		mvc.perform(get("/cases/kpis").with(as("dept1"))).andExpect(status().isOk());
	}

	@Test
	void theKpiEndpointsAreDescribedInTheOpenApiDocument() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
				.andExpect(jsonPath("$.paths['/api/v1/cases/kpis'].get.summary").value(containsString("on-time closure")))
				.andExpect(jsonPath("$.paths['/api/v1/cases/kpis'].get.parameters[*].name",
						hasItems("from", "to", "jurisdiction", "unit")))
				.andExpect(jsonPath("$.paths['/api/v1/cases/kpis/cases'].get.summary").value(containsString("metric")));
	}

	@Test
	void badPeriodsFiltersAndMetricsAreRefusedWithAMessage() throws Exception {
		expect400(get("/api/v1/cases/kpis").param("from", "2026-05-02").param("to", "2026-05-01"), "period");
		expect400(get("/api/v1/cases/kpis").param("from", "2020-01-01").param("to", "2026-05-01"), "period");
		expect400(get("/api/v1/cases/kpis").param("from", "yesterday"), null);
		expect400(get("/api/v1/cases/kpis").param("jurisdiction", "abc"), "jurisdiction");
		expect400(get("/api/v1/cases/kpis").param("unit", "99999999"), "unit");
		expect400(get("/api/v1/cases/kpis/cases").param("metric", "nonsense"), "nonsense");
		expect400(get("/api/v1/cases/kpis/cases").param("metric", "filed").param("unit", String.valueOf(unit)), null);
		expect400(get("/api/v1/cases/kpis/cases").param("metric", "due").param("size", "501"), null);
		mvc.perform(get("/cases/kpis").param("period", "custom").param("from", "1.3.2026").param("to", "2026-03-31")
				.param("lang", "en").with(as("center")))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("Give a date as YYYY-MM-DD: 1.3.2026")));
		mvc.perform(get("/cases/kpis").param("period", "someday").with(as("center")))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("kpi-error")));
		mvc.perform(get("/cases/kpis/cases").param("metric", "nonsense").with(as("center")))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("kpi-error")));
		mvc.perform(get("/cases/kpis.csv").param("period", "custom").param("from", "2026-05-02")
				.param("to", "2026-05-01").with(as("center"))).andExpect(status().isBadRequest());
	}

	void expect400(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String inMessage) throws Exception {
		ResultActions result = mvc.perform(request.param("lang", "en").with(as("center")))
				.andExpect(status().isBadRequest());
		if (inMessage != null) {
			result.andExpect(content().string(containsString(inMessage)));
		}
	}
}
