package org.gridlink.supplies;

import java.util.List;
import java.util.UUID;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * The pages of reserves and requests on the demo data: every role that reads them opens them, words not codes; a
 * community asks on its phone form, the street cuts, the center allocates, the unit ships and the community
 * confirms through the step forms; the demo's balances equal their ledgers; pages outside the role are refused.
 */
@WebTest
class SuppliesPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoHasWarehousesStockAndRequestsInEveryStateWhoseBalancesAreTheirLedgers() {
		assertThat(jdbc.sql("SELECT COUNT(*) FROM supply_warehouse WHERE level = 'DISTRICT'").query(Long.class).single())
				.isGreaterThanOrEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM supply_warehouse WHERE level = 'STREET'").query(Long.class).single())
				.isGreaterThanOrEqualTo(6);
		assertThat(jdbc.sql("SELECT DISTINCT status FROM supply_request").query(String.class).list())
				.contains("REQUESTED", "APPROVED", "ALLOCATED", "SHIPPED", "RECEIVED", "REFUSED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM supply_lot l WHERE l.balance <> (SELECT COALESCE(SUM(m.quantity), 0)"
				+ " FROM supply_movement m WHERE m.lot_id = l.id)").query(Long.class).single()).isZero();
	}

	@Test
	void everyReaderOpensThePagesInWords() throws Exception {
		long wh = jdbc.sql("SELECT MIN(id) FROM supply_warehouse WHERE unit_id = 2").query(Long.class).single();
		long req = jdbc.sql("SELECT MIN(id) FROM supply_request WHERE jurisdiction_code = ?").param(COMMUNITY1)
				.query(Long.class).single();
		for (String user : List.of("center", "leader", "street1", "community1")) {
			mvc.perform(get("/supplies").with(as(user))).andExpect(status().isOk());
			mvc.perform(get("/supplies/requests").with(as(user))).andExpect(status().isOk())
					.andExpect(content().string(not(containsString(">REQUESTED<"))));
			mvc.perform(get("/supplies/gaps").with(as(user))).andExpect(status().isOk());
			mvc.perform(get("/supplies/requests/" + req).with(as(user))).andExpect(status().isOk());
		}
		mvc.perform(get("/supplies").param("warehouse", String.valueOf(wh)).with(as("dept1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("movement-form")))
				.andExpect(content().string(not(containsString(">MASK-MED<"))));
		mvc.perform(get("/supplies/warehouses/" + wh + "/ledger").with(as("dept1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("入库")));
		mvc.perform(get("/supplies/gaps").with(as("dept1"))).andExpect(status().isForbidden());
		mvc.perform(get("/supplies").with(as("auditor"))).andExpect(status().isForbidden());
		mvc.perform(get("/supplies").param("warehouse", String.valueOf(wh)).with(as("community1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/supplies/requests/new").with(as("street1"))).andExpect(status().isForbidden());
	}

	@Test
	void aRequestGoesThroughItsStepFormsWithPartialQuantities() throws Exception {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("INSERT INTO supply_warehouse (name, level, jurisdiction_code, unit_id) VALUES (?, 'DISTRICT', ?, 2)")
				.params("页面测试库" + UUID.randomUUID().toString().substring(0, 4), DISTRICT).update(keys, "id");
		long wh = keys.getKey().longValue();
		mvc.perform(post("/supplies/movements").with(as("dept1")).param("warehouseId", String.valueOf(wh))
				.param("kind", "IN").param("itemCode", "SUIT").param("lot", "S1").param("quantity", "40")
				.param("expiresOn", "2027-08-01")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/supplies/requests/new").with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("医用防护服")));
		String location = mvc.perform(post("/supplies/requests").with(as("community1")).param("jurisdictionCode", COMMUNITY1)
				.param("q_SUIT", "50").param("reason", "卡口执勤")).andExpect(status().is3xxRedirection())
				.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(get("/supplies/requests/" + id).with(as("street1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("step-form")));
		mvc.perform(post("/supplies/requests/" + id + "/approve").with(as("street1")).param("version", "0")
				.param("q_SUIT", "45")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/supplies/requests/" + id + "/allocate").with(as("center")).param("warehouseId", String.valueOf(wh)))
				.andExpect(status().is3xxRedirection());
		mvc.perform(get("/supplies/requests/" + id).with(as("dept1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("S1 (2027-08-01) × 40")));
		mvc.perform(post("/supplies/requests/" + id + "/ship").with(as("dept1")).param("q_SUIT", "40"))
				.andExpect(status().is3xxRedirection());
		mvc.perform(post("/supplies/requests/" + id + "/receive").with(as("community1")).param("q_SUIT", "abc"))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/supplies/requests/" + id + "/receive").with(as("community1")).param("q_SUIT", "38"))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT requested || '/' || approved || '/' || shipped || '/' || received FROM"
				+ " supply_request_line WHERE request_id = ?").param(id).query(String.class).single())
				.isEqualTo("50/45/40/38");
		mvc.perform(get("/supplies/gaps").param("place", COMMUNITY1).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("医用防护服")));
	}
}
