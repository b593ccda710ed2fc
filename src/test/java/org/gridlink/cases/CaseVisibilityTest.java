package org.gridlink.cases;

import java.util.List;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Who sees which class of case in their area: property staff and police only urban management (C, E), police a
 * social-governance case once their unit is on it, health alert cases only the center, the grid worker and the units
 * on the case — on the case page, the API, the list and the KPI drill-down.
 */
@WebTest
class CaseVisibilityTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseManagement cases;

	@Autowired
	JdbcClient jdbc;

	long report(String category, CaseSource source, String grid) {
		return cases.reportAs("visibility-test", new NewCase(category, "可见性 " + category, grid, null, null,
				null, source, null), null);
	}

	int read(String user, long id) throws Exception {
		return mvc.perform(get("/api/v1/cases/" + id).with(as(user))).andReturn().getResponse().getStatus();
	}

	List<Integer> listed(String user) throws Exception {
		String json = mvc.perform(get("/api/v1/cases?q=可见性&size=100").with(as(user))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		return JsonPath.read(json, "$.content[*].id");
	}

	@Test
	void eachRoleSeesTheClassesOfItsWork() throws Exception {
		String compoundGrid = jdbc.sql("SELECT MIN(grid_code) FROM compound WHERE property_company_id = 1")
				.query(String.class).single();
		int compoundUrban = (int) report("C0201", CaseSource.RESIDENT, compoundGrid);
		int compoundSocial = (int) report("S0204", CaseSource.RESIDENT, compoundGrid);
		int compoundAlert = (int) report("S0301", CaseSource.ALERT, compoundGrid);
		assertThat(List.of(read("property1", compoundUrban), read("property1", compoundSocial),
				read("property1", compoundAlert))).containsExactly(200, 403, 403);
		assertThat(listed("property1")).contains(compoundUrban).doesNotContain(compoundSocial, compoundAlert);
		mvc.perform(get("/cases/" + compoundAlert).with(as("property1"))).andExpect(status().isForbidden());

		int urban = (int) report("E0101", CaseSource.RESIDENT, GRID1);
		int social = (int) report("S0202", CaseSource.RESIDENT, GRID1);
		int alert = (int) report("S0301", CaseSource.ALERT, GRID1);
		assertThat(List.of(read("police1", urban), read("police1", social), read("police1", alert)))
				.containsExactly(200, 403, 403);
		assertThat(listed("police1")).contains(urban).doesNotContain(social, alert);
		assertThat(List.of(read("leader", social), read("leader", alert))).containsExactly(200, 403);
		assertThat(List.of(read("community1", social), read("community1", alert))).containsExactly(200, 403);
		assertThat(listed("leader")).contains(urban, social).doesNotContain(alert);
		assertThat(List.of(read("center", alert), read("grid1", alert), read("grid2", alert)))
				.containsExactly(200, 200, 403);
		assertThat(listed("grid1")).contains(urban, social, alert);

		// every page of the drill-down (the shared test context holds other tests' reports of the period too)
		List<Integer> drilled = new java.util.ArrayList<>();
		for (int page = 0, pages = 1; page < pages; page++) {
			String drill = mvc.perform(get("/api/v1/cases/kpis/cases?metric=reports&size=500&page=" + page)
					.with(as("leader"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			drilled.addAll(JsonPath.<List<Integer>>read(drill, "$.content[*].id"));
			pages = JsonPath.<Integer>read(drill, "$.page.totalPages");
		}
		assertThat(drilled).contains(social).doesNotContain(alert);

		// the police see a social-governance case once their unit is on it; the health unit its alert case
		act("center", social, "file", "{}");
		act("center", social, "dispatch", "{\"unitId\":9}");
		assertThat(read("police1", social)).isEqualTo(200);
		act("center", alert, "file", "{}");
		act("center", alert, "dispatch", "{\"unitId\":2}");
		assertThat(read("dept1", alert)).isEqualTo(200);
	}

	void act(String user, long id, String action, String body) throws Exception {
		mvc.perform(post("/api/v1/cases/" + id + "/actions/" + action).with(as(user))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
	}
}
