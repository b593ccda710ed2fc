package org.gridlink.ci;

import static org.gridlink.support.Demo.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.TreeRow;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Runs the SQL of the foundation once through the real stack, so that {@code mvn verify -Ppostgres} proves that
 * migrations, the demo loader and the queries run on real PostgreSQL and not only in H2's PostgreSQL mode.
 */
@WebTest
class DatabaseSmokeTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Jurisdictions jurisdictions;

	@Test
	void demoDistrictIsLoadedAndScopedQueriesRun() throws Exception {
		mvc.perform(get("/api/v1/jurisdictions").param("level", "GRID").with(as("center")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(1291));
		mvc.perform(get("/api/v1/jurisdictions/" + Demo.DISTRICT).with(as("center")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.streets").value(6))
			.andExpect(jsonPath("$.communities").value(99))
			.andExpect(jsonPath("$.grids").value(1291));
		mvc.perform(get("/api/v1/jurisdictions").param("parent", Demo.COMMUNITY1).with(as("grid1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].code").value(Demo.GRID1));
		mvc.perform(get("/api/v1/jurisdictions/" + Demo.GRID2).with(as("grid1"))).andExpect(status().isForbidden());
	}

	@Test
	void treeQueriesRun() {
		CurrentUser center = new CurrentUser(0, "center", "center", Set.of(Role.CENTER),
				Scope.of(Set.of(Demo.DISTRICT)), null);
		List<TreeRow> roots = jurisdictions.roots(center);
		assertThat(roots).singleElement().satisfies(row -> {
			assertThat(row.node().code()).isEqualTo(Demo.DISTRICT);
			assertThat(row.communities()).isEqualTo(99);
			assertThat(row.grids()).isEqualTo(1291);
		});
		assertThat(jurisdictions.children(center, Demo.DISTRICT)).hasSize(6);
		CurrentUser grid1 = new CurrentUser(0, "grid1", "grid1", Set.of(Role.GRID_WORKER), Scope.of(Set.of(Demo.GRID1)),
				null);
		assertThat(jurisdictions.roots(grid1)).extracting(row -> row.node().code()).containsExactly(Demo.GRID1);
	}

	@Test
	void gridLookupAndGeoJsonRun() throws Exception {
		mvc.perform(get("/api/v1/grids/locate").param("lat", "33.799").param("lng", "119.001").with(as("grid1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(Demo.GRID1));
		mvc.perform(get("/api/v1/grids/locate").param("lat", "30.0").param("lng", "119.001").with(as("grid1")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/grids/geojson").param("parent", Demo.COMMUNITY1).with(as("center")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.features.length()").value(13));
	}

	/** Through the real authentication (HTTP Basic), so that the login-attempt SQL runs too. */
	@Test
	void tokensAndAuditTrailRun() throws Exception {
		mvc.perform(get("/api/v1/me").with(httpBasic("grid2", "wrong-password"))).andExpect(status().isUnauthorized());
		String created = mvc
			.perform(post("/api/v1/tokens").with(Demo.basic("grid2")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"ci smoke\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		String token = JsonPath.read(created, "$.token");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("grid2"));
		mvc.perform(get("/api/v1/tokens").with(Demo.basic("grid2")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItem("ci smoke")));
		mvc.perform(delete("/api/v1/tokens/" + id).with(Demo.basic("grid2"))).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());

		LocalDate today = LocalDate.now();
		mvc.perform(get("/api/v1/audit").with(as("auditor")).param("username", "grid2").param("subject", "grid")
				.param("from", today.minusDays(1).toString()).param("to", today.plusDays(1).toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements", greaterThan(0)))
			.andExpect(jsonPath("$.content[*].action", hasItem("LOGIN_FAILURE")));
	}

	@Test
	void loginPageIsChineseByDefault() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("登录")));
	}
}
