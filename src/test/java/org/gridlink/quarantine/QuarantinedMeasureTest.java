package org.gridlink.quarantine;

import java.time.OffsetDateTime;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The map's "people in quarantine": active orders per person's grid; a release takes one off; scoped. */
@WebTest
class QuarantinedMeasureTest {

	static final String GRID1_B = "320819001001002";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void activeOrdersPerGridInScope() throws Exception {
		CheckInFixtures fixtures = new CheckInFixtures(jdbc);
		long before = value("community1", GRID1_B);
		long first = fixtures.homeOrder(GRID1_B);
		fixtures.homeOrder(GRID1_B);
		assertThat(value("community1", GRID1_B)).isEqualTo(before + 2);
		assertThat(value("center", GRID1_B)).isEqualTo(before + 2);
		fixtures.release(first, OffsetDateTime.now());
		assertThat(value("community1", GRID1_B)).isEqualTo(before + 1);
		// grid1 looks after another grid: GRID1_B is not among its values
		String mine = body("grid1");
		assertThat((java.util.Map<String, Object>) JsonPath.read(mine, "$.values")).doesNotContainKey(GRID1_B);
		// property staff do not read quarantine
		mvc.perform(get("/api/v1/map/measures/quarantined").with(as("property1"))).andExpect(status().isForbidden());
	}

	private long value(String user, String grid) throws Exception {
		java.util.Map<String, Object> values = JsonPath.read(body(user), "$.values");
		Object value = values.get(grid);
		return value == null ? 0 : ((Number) value).longValue();
	}

	private String body(String user) throws Exception {
		return mvc.perform(get("/api/v1/map/measures/quarantined").with(as(user))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
	}
}
