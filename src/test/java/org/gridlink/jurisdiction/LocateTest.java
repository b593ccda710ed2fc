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
		// 119.06 is the edge between street 001 and street 002; both grids touch it
		mvc.perform(get("/api/v1/grids/locate?lat=33.799&lng=119.06").with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.code").value("320819001001007"));
	}

	@Test
	void pointOnTheDistrictBoundaryStillLocates() throws Exception {
		mvc.perform(get("/api/v1/grids/locate?lat=33.80&lng=119.00").with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.code").value("320819001001001"));
	}

	@Test
	void pointOutsideTheDistrictIs404() throws Exception {
		mvc.perform(get("/api/v1/grids/locate?lat=33.81&lng=119.1").with(as("center")))
				.andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
		mvc.perform(get("/api/v1/grids/locate?lat=95&lng=500").with(as("center"))).andExpect(status().isNotFound());
	}

	@Test
	void missingOrNonNumericCoordinatesAre400() throws Exception {
		mvc.perform(get("/api/v1/grids/locate?lat=33.7").with(as("center"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/grids/locate?lat=abc&lng=119.1").with(as("center")))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_INPUT"));
	}
}
