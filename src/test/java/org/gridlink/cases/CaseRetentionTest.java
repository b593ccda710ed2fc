package org.gridlink.cases;

import java.time.Duration;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Retention;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.support.TestClock;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Retention of closed cases (issue 12): a case that ended more than 180 days ago loses its reporter's sealed contact,
 * description, history notes, photos and public link; category, place, times and status stay; the case page says in
 * words that the details were removed after 180 days. A case that ended recently is untouched.
 */
@WebTest
class CaseRetentionTest {

	static final CurrentUser ADMIN = new CurrentUser(-1, "admin", "admin", Set.of(Role.ADMIN), Scope.none(), null);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Retention retention;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** A case from an Open311 client with the reporter's phone (sealed), voided by the center; its id. */
	long endedCase(String description) throws Exception {
		String json = mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("api_key", DemoOpen311Client.KEY).param("service_code", "E0101").param("lat", "33.712")
				.param("long", "119.052").param("description", description).param("phone", "13812345678"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String number = JsonPath.read(json, "$[0].service_request_id");
		long id = jdbc.sql("SELECT id FROM case_file WHERE number = ?").param(number).query(Long.class).single();
		CaseRequests.step(mvc, "center", id, "void", "{\"note\":\"重复上报 13812345678\"}", "zh-CN")
				.andExpect(status().isOk());
		return id;
	}

	@Test
	void aCaseEndedLongAgoKeepsItsStatisticsAndLosesItsPersonalParts() throws Exception {
		clock.advance(Duration.ofDays(-200));
		long old = endedCase("楼下垃圾堆放 — 张三家门口");
		clock.reset();
		clock.advance(Duration.ofDays(-10));
		long recent = endedCase("最近的案件");
		clock.reset();
		assertThat(jdbc.sql("SELECT reporter_contact FROM case_file WHERE id = ?").param(old).query(String.class)
				.single()).isNotEmpty();

		Retention.Run run = retention.runNow(ADMIN);

		assertThat(run.purged().get("cases.closed-cases")).isGreaterThanOrEqualTo(1);
		var row = jdbc.sql("""
				SELECT reporter_contact, description, category_code, status, jurisdiction_code, reported_at,
				  personal_kept_days FROM case_file WHERE id = ?""").param(old).query().singleRow();
		assertThat(row.get("reporter_contact")).isEqualTo("");
		assertThat(row.get("description")).isEqualTo("");
		assertThat(row.get("category_code")).isEqualTo("E0101");
		assertThat(row.get("status")).isEqualTo("VOIDED");
		assertThat((String) row.get("jurisdiction_code")).startsWith("320819");
		assertThat(row.get("reported_at")).isNotNull();
		assertThat(row.get("personal_kept_days")).isEqualTo(180);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_event WHERE case_id = ? AND note <> ''").param(old)
				.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT description FROM case_file WHERE id = ?").param(recent).query(String.class)
				.single()).isEqualTo("最近的案件");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'RETENTION_PURGE' AND subject = "
				+ "'cases.closed-cases' AND detail LIKE 'purged=%'").query(Long.class).single()).isPositive();

		mvc.perform(get("/cases/" + old).with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("案件结束 180 天后")))
				.andExpect(content().string(not(containsString("张三家门口"))));
		mvc.perform(get("/cases/" + recent).with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("最近的案件")));

		// a second run finds nothing more to purge for this case
		assertThat(retention.runNow(ADMIN).purged().get("cases.closed-cases")).isZero();
	}
}
