package org.gridlink.screening;

import java.util.Map;
import java.util.UUID;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The map's "screening progress": per grid, the share of households screened in running campaigns, in whole percent,
 * equal to a direct count over the tasks; grids without a running task have no value; scoped.
 */
@WebTest
class ScreeningProgressMeasureTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Test
	void progressPerGridOfTheRunningCampaigns() throws Exception {
		Fixture.Household home = fixture.household("grid1", GRID1, 2);
		String created = mvc.perform(post("/api/v1/screening/campaigns").with(as("community1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"地图测试排查\",\"jurisdictionCode\":\""
						+ COMMUNITY1 + "\",\"from\":\"2026-11-01\",\"to\":\"2026-11-30\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/start").with(as("community1")))
				.andExpect(status().isAccepted());
		fixture.awaitRunning(id);
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/records").with(as("grid1"))
				.contentType(MediaType.APPLICATION_JSON).content("[{\"clientId\":\"" + UUID.randomUUID()
						+ "\",\"householdId\":" + home.id() + ",\"outcome\":\"ALL_NORMAL\"}]"))
				.andExpect(status().isOk());

		Map<String, Object> community = values("community1");
		assertThat(community).containsKey(GRID1).allSatisfy((code, value) -> {
			assertThat(code).startsWith(COMMUNITY1);
			assertThat(((Number) value).intValue()).isBetween(0, 100).isEqualTo(direct(code));
		});
		assertThat(((Number) community.get(GRID1)).intValue()).isPositive();
		assertThat(values("grid1").keySet()).containsExactly(GRID1);
		// exactly the grids of running campaigns have a value
		assertThat(values("center").keySet()).containsExactlyInAnyOrderElementsOf(jdbc.sql(
				"SELECT DISTINCT t.grid_code FROM screening_task t JOIN screening_campaign c ON c.id = t.campaign_id"
						+ " WHERE c.status = 'RUNNING'").query(String.class).list());
		mvc.perform(get("/api/v1/map/measures/screening-progress").with(as("dept1"))).andExpect(status().isForbidden());
	}

	private int direct(String grid) {
		long[] sums = jdbc.sql("SELECT SUM(t.screened_households), SUM(t.households) FROM screening_task t"
				+ " JOIN screening_campaign c ON c.id = t.campaign_id WHERE c.status = 'RUNNING' AND t.grid_code = ?")
				.param(grid).query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		return sums[1] == 0 ? 100 : (int) (sums[0] * 100 / sums[1]);
	}

	private Map<String, Object> values(String user) throws Exception {
		return JsonPath.read(mvc.perform(get("/api/v1/map/measures/screening-progress").with(as(user)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.values");
	}
}
