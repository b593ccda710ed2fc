package org.gridlink.jurisdiction;

import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.AuditTrail;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** Scope per role for every jurisdiction endpoint: only what the caller's scope covers is listed or shown. */
@WebTest
class JurisdictionApiScopeTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	@Test
	void healthIsPublic() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(content().json("{\"status\":\"UP\"}"));
	}

	@Test
	void anonymousApiCallsGetJson401() throws Exception {
		mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
	}

	@Test
	void meShowsUsernameRolesAndScope() throws Exception {
		mvc.perform(get("/api/v1/me").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.username").value("grid1"))
				.andExpect(jsonPath("$.roles[0]").value("GRID_WORKER"))
				.andExpect(jsonPath("$.scope[0]").value(GRID1));
	}

	@Test
	void listIsPagedInPagedModelShape() throws Exception {
		mvc.perform(get("/api/v1/jurisdictions?level=GRID&parent=" + COMMUNITY1 + "&page=0&size=5").with(as("center")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.content", hasSize(5)))
				.andExpect(jsonPath("$.content[0].code").value(GRID1))
				.andExpect(jsonPath("$.content[0].level").value("GRID"))
				.andExpect(jsonPath("$.content[0].parentCode").value(COMMUNITY1))
				.andExpect(jsonPath("$.page.size").value(5))
				.andExpect(jsonPath("$.page.number").value(0))
				.andExpect(jsonPath("$.page.totalElements").value(13))
				.andExpect(jsonPath("$.page.totalPages").value(3));
	}

	@ParameterizedTest(name = "{0} sees {1} grids")
	@CsvSource({ "center, 1291", "leader, 1291", "admin, 1291", "street1, 286", "community1, 13", "grid1, 1",
			"grid2, 1", "police1, 13", "auditor, 0", "checkpoint1, 13", "liaison1, 286" })
	void eachRoleListsOnlyTheGridsOfItsScope(String user, int grids) throws Exception {
		mvc.perform(get("/api/v1/jurisdictions?level=GRID&size=1").with(as(user))).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(grids));
	}

	@Test
	void levelsAndKindsOfTheTree() throws Exception {
		mvc.perform(get("/api/v1/jurisdictions?level=STREET").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(6))
				.andExpect(jsonPath("$.content[?(@.kind == 'TOWN')]", hasSize(2)));
		mvc.perform(get("/api/v1/jurisdictions?level=COMMUNITY&size=200").with(as("center")))
				.andExpect(jsonPath("$.content[?(@.kind == 'COMMUNITY')]", hasSize(87)))
				.andExpect(jsonPath("$.content[?(@.kind == 'VILLAGE')]", hasSize(12)));
	}

	@Test
	void oneNodeWithChildrenCounts() throws Exception {
		mvc.perform(get("/api/v1/jurisdictions/" + DISTRICT).with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.level").value("DISTRICT"))
				.andExpect(jsonPath("$.children").value(6))
				.andExpect(jsonPath("$.streets").value(6))
				.andExpect(jsonPath("$.communities").value(99))
				.andExpect(jsonPath("$.grids").value(1291));
		mvc.perform(get("/api/v1/jurisdictions/" + COMMUNITY1).with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.children").value(13)).andExpect(jsonPath("$.grids").value(13));
	}

	@Test
	void gridWorkerAskingForAnotherGridGets403AndAnAuditRow() throws Exception {
		long before = deniedFor("grid1", GRID2);
		mvc.perform(get("/api/v1/jurisdictions/" + GRID2).with(as("grid1"))).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.code").value("FORBIDDEN"))
				.andExpect(jsonPath("$.name").doesNotExist())
				.andExpect(content().string(not(containsString(GRID2))));
		assertThat(deniedFor("grid1", GRID2)).isEqualTo(before + 1);
	}

	@ParameterizedTest(name = "{0} may not read {1}")
	@CsvSource({ "grid1, " + "320819001001", "grid2, 320819001001001", "community1, 320819001002",
			"street1, 320819002000", "police1, 320819001002001", "auditor, 320819000000" })
	void outsideScopeIsForbiddenForEveryRole(String user, String code) throws Exception {
		mvc.perform(get("/api/v1/jurisdictions/" + code).with(as(user))).andExpect(status().isForbidden());
		assertThat(deniedFor(user, code)).isPositive();
	}

	@Test
	void unknownCodeInScopeIs404() throws Exception {
		mvc.perform(get("/api/v1/jurisdictions/320819009999").with(as("center"))).andExpect(status().isNotFound())
				.andExpect(jsonPath("$.code").value("NOT_FOUND"));
	}

	@Test
	void badPagingIs400WithAMessage() throws Exception {
		mvc.perform(get("/api/v1/jurisdictions?size=100000").with(as("center"))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("INVALID_INPUT"));
		mvc.perform(get("/api/v1/jurisdictions?level=PLANET").with(as("center"))).andExpect(status().isBadRequest());
	}

	@Test
	void geoJsonHoldsOnlyGridsInScope() throws Exception {
		mvc.perform(get("/api/v1/grids/geojson").with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.type").value("FeatureCollection"))
				.andExpect(jsonPath("$.features", hasSize(13)))
				.andExpect(jsonPath("$.features[0].geometry.type").value("Polygon"));
		mvc.perform(get("/api/v1/grids/geojson?parent=" + GRID2).with(as("grid1"))).andExpect(status().isForbidden());
	}

	private long deniedFor(String user, String subject) {
		return audit.search(new AuditQuery(user, "ACCESS_DENIED", subject, "DENIED", null, null, null),
				PageRequest.of(0, 1)).getTotalElements();
	}
}
