package org.gridlink.cases;

import java.util.Map;

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

/** The map's "open cases": every case not closed, rejected, voided or merged, per grid; a report adds one; scoped. */
@WebTest
class OpenCasesMeasureTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void openCasesPerGridInScope() throws Exception {
		long direct = jdbc.sql("SELECT COUNT(*) FROM case_file WHERE jurisdiction_code = ? AND status NOT IN"
				+ " ('CLOSED', 'EVALUATED', 'REJECTED', 'VOIDED', 'MERGED')").param(GRID1).query(Long.class).single();
		assertThat(value("center", GRID1)).isEqualTo(direct);
		long id = CaseRequests.reportInGrid1(mvc, "地图测试：路灯不亮");
		assertThat(value("center", GRID1)).isEqualTo(direct + 1);
		assertThat(value("grid1", GRID1)).isEqualTo(direct + 1);
		CaseRequests.step(mvc, "center", id, "void", "{\"note\":\"测试作废\"}", "en").andExpect(status().isOk());
		assertThat(value("center", GRID1)).isEqualTo(direct);
		// a street user sees only its street's grids
		Map<String, Object> street = JsonPath.read(body("street1"), "$.values");
		assertThat(street.keySet()).isNotEmpty().allMatch(code -> code.startsWith("320819001"));
	}

	private long value(String user, String grid) throws Exception {
		Map<String, Object> values = JsonPath.read(body(user), "$.values");
		Object value = values.get(grid);
		return value == null ? 0 : ((Number) value).longValue();
	}

	private String body(String user) throws Exception {
		return mvc.perform(get("/api/v1/map/measures/cases-open").with(as(user))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
	}
}
