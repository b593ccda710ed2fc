package org.gridlink.cases;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Unit names are kept for a while ({@link UnitNames}), and a case's units are read only once it has a lead unit: a
 * unit created a moment ago can still be dispatched to, an unknown one is still refused, and assisting units still
 * show after dispatch and are gone after a return.
 */
@WebTest
class CaseUnitNamesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long filedCase(String category) throws Exception {
		String json = mvc.perform(post("/api/v1/cases").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"categoryCode\":\"" + category + "\",\"description\":\"单位缓存\",\"jurisdictionCode\":\""
						+ GRID1 + "\"}"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.assistingUnits", hasSize(0)))
				.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(json, "$.id")).longValue();
		act(id, "file", "{}").andExpect(status().isOk());
		return id;
	}

	ResultActions act(long id, String action, String body) throws Exception {
		return mvc.perform(post("/api/v1/cases/" + id + "/actions/" + action).with(as("center"))
				.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void aUnitCreatedAfterTheNamesWereReadCanBeDispatchedToAtOnce() throws Exception {
		long id = filedCase("E0101");
		String code = "T" + (System.nanoTime() % 1_000_000_000L);
		jdbc.sql("INSERT INTO unit (code, name, kind, district_code) VALUES (?, '新设单位', 'DEPARTMENT', '320819')")
				.param(code).update();
		long unit = jdbc.sql("SELECT id FROM unit WHERE code = ?").param(code).query(Long.class).single();
		act(id, "dispatch", "{\"unitId\":" + unit + "}").andExpect(status().isOk())
				.andExpect(jsonPath("$.leadUnitId").value((int) unit))
				.andExpect(jsonPath("$.leadUnitName").value("新设单位"));
	}

	@Test
	void anUnknownUnitIsStillRefused() throws Exception {
		long id = filedCase("E0101");
		act(id, "dispatch", "{\"unitId\":987654321}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("INVALID_INPUT"));
		act(id, "dispatch", "{\"unitId\":2,\"assistingUnitIds\":[987654321]}").andExpect(status().isBadRequest());
	}

	@Test
	void assistingUnitsShowAfterDispatchAndAreGoneAfterAReturn() throws Exception {
		long id = filedCase("E0401");
		act(id, "dispatch", "{\"unitId\":9,\"assistingUnitIds\":[2]}").andExpect(status().isOk())
				.andExpect(jsonPath("$.assistingUnits[*].id", contains(2)))
				.andExpect(jsonPath("$.assistingUnits[0].name", not(startsWith("#"))));
		mvc.perform(post("/api/v1/cases/" + id + "/actions/return").with(as("police1"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"不属于本单位\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FILED"));
		mvc.perform(get("/api/v1/cases/" + id).with(as("center"))).andExpect(jsonPath("$.assistingUnits", hasSize(0)))
				.andExpect(jsonPath("$.leadUnitId").value(nullValue()));
		// E0401 by the demo rule: lead U16 with U17 and U09 assisting
		act(id, "dispatch", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.assistingUnits", hasSize(2)))
				.andExpect(jsonPath("$.assistingUnits[*].name", everyItem(not(startsWith("#")))));
	}
}
