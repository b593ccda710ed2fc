package org.gridlink.jurisdiction;

import java.util.List;
import java.util.Map;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * The district map's API: which measures a role may colour the map by, the values kept to the caller's grids, unknown
 * and unreadable measures refused, and the street and community areas with their label points; and the map page.
 */
@WebTest
class MapApiTest {

	@Autowired
	MockMvc mvc;

	@Test
	void measuresOfferedPerRoleOpenCasesFirst() throws Exception {
		mvc.perform(get("/api/v1/map/measures").with(as("center")).header("Accept-Language", "en"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].key", contains("cases-open", "screening-progress", "quarantined")))
				.andExpect(jsonPath("$[0].label").value("Open cases"))
				.andExpect(jsonPath("$[0].breaks", contains(0, 1, 2, 4, 8)))
				.andExpect(jsonPath("$[1].percent").value(true));
		// a department handler sees cases by unit, not by area, and no screening or quarantine
		mvc.perform(get("/api/v1/map/measures").with(as("dept1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get("/api/v1/map/measures").with(as("police1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].key", contains("cases-open")));
	}

	@Test
	void valuesAreKeptToTheCallersGrids() throws Exception {
		for (String key : List.of("cases-open", "screening-progress", "quarantined")) {
			Map<String, Object> all = values("center", key);
			assertThat(all.keySet()).as(key).allMatch(code -> code.length() == 15 && code.startsWith("320819"));
			Map<String, Object> community = values("community1", key);
			assertThat(community.keySet()).as(key).allMatch(code -> code.startsWith(COMMUNITY1));
			Map<String, Object> grid = values("grid1", key);
			assertThat(grid.keySet()).as(key).allMatch(GRID1::equals);
			// the same grid has the same value whoever asks (classes of cases aside: compare center and grid1)
			grid.forEach((code, value) -> assertThat(all.get(code)).as(key + " " + code).isEqualTo(value));
		}
		assertThat(values("center", "cases-open")).as("the demo has open cases").isNotEmpty();
		assertThat(values("center", "quarantined")).as("the demo has people in quarantine").isNotEmpty();
	}

	@Test
	void unknownMeasureIs404AndAnUnreadableOneIs403() throws Exception {
		mvc.perform(get("/api/v1/map/measures/nothing").with(as("center"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/map/measures/quarantined").with(as("dept1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/map/measures/screening-progress").with(as("police1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/map/measures/cases-open")).andExpect(status().isUnauthorized());
	}

	@Test
	void areasWithLabelPointsInScope() throws Exception {
		mvc.perform(get("/api/v1/map/areas?level=STREET").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.features", hasSize(6)))
				.andExpect(jsonPath("$.features[0].properties.name").value("城东街道"))
				.andExpect(jsonPath("$.features[0].properties.lat", closeTo(33.65, 0.16)))
				.andExpect(jsonPath("$.features[0].geometry.type").value("Polygon"));
		mvc.perform(get("/api/v1/map/areas?level=COMMUNITY").with(as("center")))
				.andExpect(jsonPath("$.features", hasSize(99)));
		mvc.perform(get("/api/v1/map/areas?level=STREET").with(as("community1")))
				.andExpect(jsonPath("$.features", hasSize(0)));
		mvc.perform(get("/api/v1/map/areas?level=COMMUNITY").with(as("community1")))
				.andExpect(jsonPath("$.features[*].properties.code", contains(COMMUNITY1)));
		mvc.perform(get("/api/v1/map/areas?level=GRID").with(as("center"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/map/areas?level=PLANET").with(as("center"))).andExpect(status().isBadRequest());
	}

	@Test
	void theMapPageOffersTheMeasuresAndTheDemoBaseLayer() throws Exception {
		mvc.perform(get("/map?lang=en").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-base=\"/geo/demo-base.geojson\"")))
				.andExpect(content().string(containsString("<option value=\"quarantined\">People in quarantine</option>")))
				.andExpect(content().string(not(containsString("role=\"img\""))));
		mvc.perform(get("/geo/demo-base.geojson").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("\"kind\":\"river\"")));
	}

	private Map<String, Object> values(String user, String key) throws Exception {
		String body = mvc.perform(get("/api/v1/map/measures/" + key).with(as(user))).andExpect(status().isOk())
				.andExpect(jsonPath("$.key").value(key)).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.values");
	}
}
