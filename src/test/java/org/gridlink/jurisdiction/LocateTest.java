package org.gridlink.jurisdiction;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** {@code GET /api/v1/grids/locate}: inside, on a shared edge, on a corner, outside the district, bad input. */
@WebTest
class LocateTest {

	@Autowired
	MockMvc mvc;

	@Test
	void pointInsideAGrid() throws Exception {
		// the north-west corner cell of the district is grid 001 of the first community of the first street
		mvc.perform(get("/api/v1/grids/locate?lat=33.799&lng=119.001").with(as("grid1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.code").value("320819001001001"))
				.andExpect(jsonPath("$.level").value("GRID"));
	}

	@Test
	void pointOnAnEdgeSharedByTwoGridsGoesToTheSmallerCode() throws Exception {
		// a corner of the Voronoi partition shared by grids 001 and 002 (and a third) of the first community
		mvc.perform(get("/api/v1/grids/locate?lat=33.79423236678688&lng=119.00927857262374").with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.code").value("320819001001001"));
		// the same point seen from grid 002's side is on its boundary too
		org.assertj.core.api.Assertions.assertThat(DemoDistrict.stored().stream()
				.filter(n -> n.code().equals("320819001001002")).findFirst().orElseThrow().boundary()
				.getCoordinates()).anyMatch(c -> c.x == 119.00927857262374 && c.y == 33.79423236678688);
	}

	@Test
	void pointOnTheDistrictBoundaryStillLocates() throws Exception {
		// the outline keeps the north-west corner of the box it was drawn from
		mvc.perform(get("/api/v1/grids/locate?lat=33.80&lng=119.00").with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.code").value("320819001001001"));
	}

	@Test
	void pointOutsideTheDistrictIs404() throws Exception {
		mvc.perform(get("/api/v1/grids/locate?lat=33.81&lng=119.1").with(as("center")))
				.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
		// inside the box the district was drawn from, but outside its irregular outline (its south-east)
		mvc.perform(get("/api/v1/grids/locate?lat=33.505&lng=119.355").with(as("center")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/grids/locate?lat=95&lng=500").with(as("center"))).andExpect(status().isNotFound());
	}

	@Test
	void missingOrNonNumericCoordinatesAre400() throws Exception {
		mvc.perform(get("/api/v1/grids/locate?lat=33.7").with(as("center"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/grids/locate?lat=abc&lng=119.1").with(as("center")))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_INPUT"));
	}
}
