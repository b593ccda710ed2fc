package org.gridlink.supplies;

import com.jayway.jsonpath.JsonPath;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Warehouses created and edited by staff: the center for the district, a street for its street, a community for its
 * own; only the center names a keeping unit; every change audited; bad input refused on the API (400) and on the
 * page (the message beside the field).
 */
@WebTest
class WarehouseAdminTest {

	static final String OTHER_STREET = "320819002000";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	ResultActions create(String user, String json) throws Exception {
		return mvc.perform(post("/api/v1/warehouses").with(as(user)).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static String body(String name, String level, String code, String unit) {
		return "{\"name\":\"" + name + "\",\"level\":\"" + level + "\",\"jurisdictionCode\":\"" + code + "\""
				+ (unit == null ? "" : ",\"unitId\":" + unit) + ",\"address\":\"东路1号\"}";
	}

	long audits(String action, String subject, String outcome) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject = ? AND outcome = ?")
				.params(action, subject, outcome).query(Long.class).single();
	}

	@Test
	void eachLevelCreatesAndEditsItsOwnWarehousesOnly() throws Exception {
		String json = create("street1", body("一街储备库", "STREET", STREET1, null)).andExpect(status().isCreated())
				.andExpect(jsonPath("$.level").value("STREET")).andExpect(jsonPath("$.active").value(true))
				.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(json, "$.id")).longValue();
		assertThat(audits("supplies.warehouse.create", String.valueOf(id), "SUCCESS")).isEqualTo(1);
		// the new warehouse is kept by the street's staff and listed for it
		mvc.perform(get("/api/v1/warehouses").with(as("street1"))).andExpect(jsonPath("$[?(@.id == " + id + ")]").exists());

		create("community1", body("社区库", "COMMUNITY", COMMUNITY1, null)).andExpect(status().isCreated());
		create("center", body("区库", "DISTRICT", DISTRICT, "2")).andExpect(status().isCreated())
				.andExpect(jsonPath("$.unitId").value(2));
		// out of role or scope
		create("street1", body("区库", "DISTRICT", DISTRICT, null)).andExpect(status().isForbidden());
		create("street1", body("二街库", "STREET", OTHER_STREET, null)).andExpect(status().isForbidden());
		create("community1", body("街库", "STREET", STREET1, null)).andExpect(status().isForbidden());
		create("community1", body("他社区", "COMMUNITY", "320819002001", null)).andExpect(status().isForbidden());
		create("dept1", body("部门库", "DISTRICT", DISTRICT, "2")).andExpect(status().isForbidden());
		create("leader", body("区库", "DISTRICT", DISTRICT, null)).andExpect(status().isForbidden());
		// only the center names a unit
		create("street1", body("一街库", "STREET", STREET1, "2")).andExpect(status().isBadRequest());

		// editing: the street renames and closes its warehouse; the community may not touch it
		mvc.perform(put("/api/v1/warehouses/" + id).with(as("street1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"一街应急库\",\"level\":\"STREET\",\"jurisdictionCode\":\"" + STREET1
						+ "\",\"active\":false}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.name").value("一街应急库"))
				.andExpect(jsonPath("$.active").value(false)).andExpect(jsonPath("$.address").doesNotExist());
		// other tests' refusals may name the same number (a case, a site): count this one's alone
		long deniedBefore = audits("ACCESS_DENIED", String.valueOf(id), "DENIED");
		mvc.perform(put("/api/v1/warehouses/" + id).with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content(body("x", "COMMUNITY", COMMUNITY1, null))).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/warehouses/999999").with(as("street1")).contentType(MediaType.APPLICATION_JSON)
				.content(body("x", "STREET", STREET1, null))).andExpect(status().isNotFound());
		assertThat(audits("supplies.warehouse.update", String.valueOf(id), "SUCCESS")).isEqualTo(1);
		assertThat(audits("ACCESS_DENIED", String.valueOf(id), "DENIED")).isEqualTo(deniedBefore + 1);
	}

	@Test
	void badInputIsRefused() throws Exception {
		create("street1", body("", "STREET", STREET1, null)).andExpect(status().isBadRequest());
		create("street1", body("x".repeat(101), "STREET", STREET1, null)).andExpect(status().isBadRequest());
		create("street1", body("库", "CITY", STREET1, null)).andExpect(status().isBadRequest());
		create("street1", body("库", "STREET", "12345", null)).andExpect(status().isBadRequest());
		create("street1", body("库", "STREET", "320819099000", null)).andExpect(status().isBadRequest());
		create("street1", body("库", "STREET", COMMUNITY1, null)).andExpect(status().isBadRequest());
		create("center", body("库", "DISTRICT", DISTRICT, "999999")).andExpect(status().isBadRequest());
		create("street1", "{\"name\":\"库\",\"level\":\"STREET\",\"jurisdictionCode\":\"" + STREET1
				+ "\",\"address\":\"" + "路".repeat(201) + "\"}").andExpect(status().isBadRequest());
		create("street1", "{}").andExpect(status().isBadRequest());
		create("street1", "not json").andExpect(status().isBadRequest());
		create("street1", "{\"name\":\"库\",\"level\":\"STREET\",\"jurisdictionCode\":\"" + STREET1
				+ "\",\"unitId\":\"abc\"}").andExpect(status().isBadRequest());
	}

	@Test
	void theFormShowsEachProblemBesideItsField() throws Exception {
		mvc.perform(get("/supplies/warehouses/new").with(as("street1")).header("Accept-Language", "en"))
				.andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"warehouse-form\"")));
		mvc.perform(get("/supplies/warehouses/new").with(as("dept1"))).andExpect(status().isForbidden());
		mvc.perform(post("/supplies/warehouses").with(as("street1")).header("Accept-Language", "en")
				.param("name", "").param("level", "STREET").param("jurisdictionCode", COMMUNITY1)
				.param("address", "路".repeat(201)))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"name-error\"")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"jurisdictionCode-error\"")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"address-error\"")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("与所选级别不符")));
		mvc.perform(post("/supplies/warehouses").with(as("street1")).header("Accept-Language", "en")
				.param("name", "二街库").param("level", "STREET").param("jurisdictionCode", OTHER_STREET))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("您不能管理此级别和地点的仓库")));
		String location = mvc.perform(post("/supplies/warehouses").with(as("street1")).param("name", "页面库")
				.param("level", "STREET").param("jurisdictionCode", STREET1).param("address", "西路2号"))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.indexOf('=') + 1));
		mvc.perform(get("/supplies").param("warehouse", String.valueOf(id)).with(as("street1")))
				.andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("edit-warehouse")));
		mvc.perform(get("/supplies/warehouses/" + id + "/edit").with(as("street1"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("西路2号")));
		mvc.perform(get("/supplies/warehouses/" + id + "/edit").with(as("community1"))).andExpect(status().isForbidden());
		// unticking "in use" closes it
		mvc.perform(post("/supplies/warehouses/" + id).with(as("street1")).param("name", "页面库")
				.param("level", "STREET").param("jurisdictionCode", STREET1)).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT active FROM supply_warehouse WHERE id = ?").param(id).query(Boolean.class).single())
				.isFalse();
	}
}
