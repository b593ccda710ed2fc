package org.gridlink.residents;

import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.AuditTrail;
import org.gridlink.support.TestIds;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** Registry API: masked everywhere, found by exact ID through the keyed hash, scoped, reveal audited. */
@WebTest
class ResidentsApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	private long register(String user, String idNumber, String phone, String grid) throws Exception {
		String body = mvc.perform(post("/api/v1/residents").with(as(user)).contentType("application/json").content("""
				{"name":"测试居民","idNumber":"%s","phone":"%s","gridCode":"%s","compound":"金桥花园","building":"3栋",
				 "entrance":"2单元","room":"501","tags":["ELDERLY_ALONE"]}""".formatted(idNumber, phone, grid)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	@Test
	void registeredResidentIsMaskedAndFoundByExactIdNumber() throws Exception {
		String id = TestIds.next();
		long residentId = register("community1", id.toLowerCase(), "138 1234 5678", GRID1);
		String masked = id.substring(0, 6) + "********" + id.substring(14);
		mvc.perform(get("/api/v1/residents?q=" + id + "&jurisdiction=" + GRID1).with(as("grid1")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(1))
				.andExpect(jsonPath("$.content[0].id").value(residentId))
				.andExpect(jsonPath("$.content[0].idNumber").value(masked))
				.andExpect(jsonPath("$.content[0].phone").value("138****5678"))
				.andExpect(jsonPath("$.content[0].gridCode").value(GRID1))
				.andExpect(jsonPath("$.content[0].address").value("金桥花园 3栋 2单元 501"))
				.andExpect(jsonPath("$.content[0].tags[0]").value("ELDERLY_ALONE"))
				.andExpect(content().string(not(containsString(id))))
				.andExpect(content().string(not(containsString("13812345678"))));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM resident WHERE id_number_enc LIKE ? OR id_number_hash = ?")
				.params("%" + id.substring(6, 14) + "%", id).query(Long.class).single())
				.as("nothing stored in clear").isZero();
		mvc.perform(get("/api/v1/residents?q=13812345678&jurisdiction=" + GRID1).with(as("grid1")))
				.andExpect(jsonPath("$.content[*].id", hasItem((int) residentId)));
	}

	@Test
	void revealNeedsAReasonAndIsAudited() throws Exception {
		String id = TestIds.next();
		long residentId = register("community1", id, "13900001111", GRID1);
		mvc.perform(post("/api/v1/residents/" + residentId + "/reveal").with(as("grid1")).contentType("application/json")
				.content("{\"field\":\"idNumber\",\"reason\":\"\"}")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("INVALID_INPUT"));
		mvc.perform(post("/api/v1/residents/" + residentId + "/reveal").with(as("grid1")).contentType("application/json")
				.content("{\"field\":\"idNumber\",\"reason\":\"核实身份，上门走访\"}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.value").value(id));
		mvc.perform(post("/api/v1/residents/" + residentId + "/reveal").with(as("grid1")).contentType("application/json")
				.content("{\"field\":\"phone\",\"reason\":\"联系本人\"}")).andExpect(jsonPath("$.value").value("13900001111"));
		var entries = audit.search(new AuditQuery("grid1", "RESIDENT_REVEAL", String.valueOf(residentId), "SUCCESS",
				null, null, null), PageRequest.of(0, 10)).getContent();
		assertThat(entries).hasSize(2);
		assertThat(entries).anySatisfy(e -> assertThat(e.detail()).contains("field=idNumber", "核实身份"));
	}

	@Test
	void otherGridsWorkerCannotSeeOrRevealAndTheAttemptIsAudited() throws Exception {
		long residentId = register("community1", TestIds.next(), "", GRID1);
		mvc.perform(get("/api/v1/residents/" + residentId).with(as("grid2"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/residents/" + residentId + "/reveal").with(as("grid2")).contentType("application/json")
				.content("{\"field\":\"idNumber\",\"reason\":\"想看看\"}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/residents?jurisdiction=" + GRID1).with(as("grid2"))).andExpect(status().isForbidden());
		assertThat(audit.search(new AuditQuery("grid2", "ACCESS_DENIED", String.valueOf(residentId), null, null, null,
				null), PageRequest.of(0, 10)).getTotalElements()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theAdminSeesNoResidentsByDefault() throws Exception {
		mvc.perform(get("/api/v1/residents").with(as("admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/residents").with(as("auditor"))).andExpect(status().isForbidden());
	}

	@Test
	void aResidentMovedToAnotherGridDisappearsFromTheOldGridWorkersView() throws Exception {
		String id = TestIds.next();
		long residentId = register("community1", id, "", GRID1);
		mvc.perform(get("/api/v1/residents?q=" + id).with(as("grid1"))).andExpect(jsonPath("$.page.totalElements").value(1));
		mvc.perform(post("/api/v1/residents/" + residentId + "/move").with(as("center")).contentType("application/json")
				.content("{\"gridCode\":\"" + GRID2 + "\",\"compound\":\"翠柳家园\",\"building\":\"1栋\",\"room\":\"101\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.gridCode").value(GRID2));
		mvc.perform(get("/api/v1/residents?q=" + id).with(as("grid1"))).andExpect(jsonPath("$.page.totalElements").value(0));
		mvc.perform(get("/api/v1/residents/" + residentId).with(as("grid1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/residents?q=" + id).with(as("grid2"))).andExpect(jsonPath("$.page.totalElements").value(1));
	}

	@Test
	void reRegisteringTheSameIdNumberUpdatesInsteadOfDuplicating() throws Exception {
		String id = TestIds.next();
		long first = register("community1", id, "13800000001", GRID1);
		long second = register("community1", id, "13800000002", GRID1);
		assertThat(second).isEqualTo(first);
		mvc.perform(get("/api/v1/residents?q=" + id).with(as("center"))).andExpect(jsonPath("$.page.totalElements").value(1))
				.andExpect(jsonPath("$.content[0].phone").value("138****0002"));
	}

	@Test
	void badInputIsRefusedWithAClearMessage() throws Exception {
		String bad = TestIds.next();
		String wrongCheck = bad.substring(0, 17) + (bad.charAt(17) == '0' ? '1' : '0');
		mvc.perform(post("/api/v1/residents").with(as("community1")).header("Accept-Language", "en")
				.contentType("application/json").content("""
						{"name":"某人","idNumber":"%s","gridCode":"%s"}""".formatted(wrongCheck, GRID1)))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("check digit")));
		mvc.perform(post("/api/v1/residents").with(as("community1")).contentType("application/json").content("""
				{"name":"某人","idNumber":"%s","phone":"12345","gridCode":"%s"}""".formatted(TestIds.next(), GRID1)))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/residents").with(as("community1")).contentType("application/json").content("""
				{"name":"某人","idNumber":"%s","gridCode":"320819001001999"}""".formatted(TestIds.next())))
				.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/residents").with(as("community1")).contentType("application/json").content("""
				{"name":"某人","idNumber":"%s","gridCode":"%s"}""".formatted(TestIds.next(), GRID2)))
				.andExpect(status().isForbidden());
		long residentId = register("community1", TestIds.next(), "", GRID1);
		mvc.perform(put("/api/v1/residents/" + residentId + "/tags/PETITIONER").with(as("community1")))
				.andExpect(status().isBadRequest());
	}
}
