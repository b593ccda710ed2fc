package org.gridlink.passes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * Checkpoints over the real security chain: set-up in scope, shifts (staff and masked volunteers), the idempotent
 * scan upload and its checks, daily counts and gate logs, and who may do what.
 */
@WebTest
class CheckpointApiTest {

	static final String COMMUNITY2 = "320819001002";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	ResultActions post(String user, String path, String json) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
				.with(as(user)).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	long road(String user, String place) throws Exception {
		String body = post(user, "/api/v1/checkpoints",
				"{\"name\":\"测试卡口 " + System.nanoTime() + "\",\"kind\":\"ROAD\",\"jurisdictionCode\":\"" + place + "\"}")
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	static String scan(UUID id, Instant at, String direction, String result, String reason, String type) {
		return "{\"clientId\":\"" + id + "\",\"scannedAt\":\"" + at + "\",\"direction\":\"" + direction
				+ "\",\"result\":\"" + result + "\",\"reason\":\"" + reason + "\",\"type\":"
				+ (type == null ? "null" : "\"" + type + "\"") + ",\"holder\":\"王*明\",\"passHash\":\"0123456789abcdef\","
				+ "\"verifiedBy\":\"DEVICE\"}";
	}

	@Test
	void staffSetUpCheckpointsInTheirScopeOnly() throws Exception {
		long id = road("community1", GRID1);
		mvc.perform(get("/api/v1/checkpoints/" + id).with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.kind").value("ROAD")).andExpect(jsonPath("$.jurisdictionCode").value(GRID1));
		post("community1", "/api/v1/checkpoints",
				"{\"name\":\"x\",\"kind\":\"ROAD\",\"jurisdictionCode\":\"" + COMMUNITY2 + "\"}")
				.andExpect(status().isForbidden());
		post("community1", "/api/v1/checkpoints", "{\"name\":\" \",\"kind\":\"ROAD\",\"jurisdictionCode\":\"" + GRID1 + "\"}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("name")));
		post("community1", "/api/v1/checkpoints", "{\"name\":\"x\",\"kind\":\"ROAD\",\"jurisdictionCode\":\"999\"}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("Unknown place")));
		post("community1", "/api/v1/checkpoints", "{\"name\":\"x\",\"jurisdictionCode\":\"" + GRID1 + "\"}")
				.andExpect(status().isBadRequest());
		post("community1", "/api/v1/checkpoints", "{\"name\":\"x\",\"kind\":\"GATE\"}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("compound")));
		post("community1", "/api/v1/checkpoints", "{\"name\":\"x\",\"kind\":\"GATE\",\"compoundId\":-5}")
				.andExpect(status().isBadRequest());
		post("checkpoint1", "/api/v1/checkpoints",
				"{\"name\":\"x\",\"kind\":\"ROAD\",\"jurisdictionCode\":\"" + COMMUNITY2 + "\"}")
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/checkpoints/" + id).with(as("grid2"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/checkpoints").with(as("leader"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/checkpoints?size=0").with(as("community1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/checkpoints/999999").with(as("community1"))).andExpect(status().isNotFound());
		mvc.perform(put("/api/v1/checkpoints/" + id).with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"改名卡口\",\"kind\":\"ROAD\",\"jurisdictionCode\":\"" + GRID1 + "\",\"active\":false}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false))
				.andExpect(jsonPath("$.name").value("改名卡口"));
		mvc.perform(get("/api/v1/checkpoints").with(as("grid2"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content[*].id", not(hasItem((int) id))));
	}

	@Test
	void aGateIsAtACompoundInScope() throws Exception {
		long compound = jdbc.sql("SELECT MIN(id) FROM compound WHERE grid_code LIKE '" + GRID1 + "%'")
				.query(Long.class).single();
		post("community1", "/api/v1/checkpoints", "{\"name\":\"东门\",\"kind\":\"GATE\",\"compoundId\":" + compound + "}")
				.andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("GATE"))
				.andExpect(jsonPath("$.compoundId").value(compound)).andExpect(jsonPath("$.jurisdictionCode").value(GRID1));
		long elsewhere = jdbc.sql("SELECT MIN(id) FROM compound WHERE grid_code LIKE '320819002%'").query(Long.class)
				.single();
		post("community1", "/api/v1/checkpoints", "{\"name\":\"东门\",\"kind\":\"GATE\",\"compoundId\":" + elsewhere + "}")
				.andExpect(status().isBadRequest());
	}

	@Test
	void theCheckpointOfficerSeesTheDemoCheckpointsOfItsCommunity() throws Exception {
		mvc.perform(get("/api/v1/checkpoints/mine").with(as("checkpoint1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].name", hasItem("金桥路卡口")))
				.andExpect(jsonPath("$[*].name", not(hasItem("滨江路卡口"))));
		mvc.perform(get("/checkpoint").with(as("checkpoint1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("金桥路卡口")))
				.andExpect(content().string(containsString("data-list-kid=")));
		mvc.perform(get("/checkpoint-sw.js").with(as("checkpoint1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("addEventListener('fetch'")));
	}

	@Test
	void shiftsOfStaffAndMaskedVolunteers() throws Exception {
		long id = road("community1", GRID1);
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MINUTES).minusHours(1);
		String window = ",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(8) + "\"}";
		post("community1", "/api/v1/checkpoints/" + id + "/shifts",
				"{\"duty\":\"VOLUNTEER\",\"name\":\"欧阳娜娜\",\"phone\":\"138 0013 8000\"" + window)
				.andExpect(status().isCreated()).andExpect(jsonPath("$.person").value("欧**娜"))
				.andExpect(jsonPath("$.phone").value("138****8000"))
				.andExpect(content().string(not(containsString("欧阳娜娜"))))
				.andExpect(content().string(not(containsString("13800138000"))));
		assertThat(jdbc.sql("SELECT person_sealed FROM checkpoint_shift WHERE checkpoint_id = ? AND duty = 'VOLUNTEER'")
				.param(id).query(String.class).single()).doesNotContain("欧阳");
		post("community1", "/api/v1/checkpoints/" + id + "/shifts", "{\"duty\":\"GRID_WORKER\",\"username\":\"grid2\"" + window)
				.andExpect(status().isCreated()).andExpect(jsonPath("$.username").value("grid2"));
		post("community1", "/api/v1/checkpoints/" + id + "/shifts", "{\"duty\":\"POLICE\",\"username\":\"grid1\"" + window)
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("role")));
		post("community1", "/api/v1/checkpoints/" + id + "/shifts", "{\"duty\":\"POLICE\",\"username\":\"nobody\"" + window)
				.andExpect(status().isBadRequest());
		post("community1", "/api/v1/checkpoints/" + id + "/shifts",
				"{\"duty\":\"VOLUNTEER\",\"name\":\"王五\",\"phone\":\"12345\"" + window).andExpect(status().isBadRequest());
		post("community1", "/api/v1/checkpoints/" + id + "/shifts", "{\"duty\":\"VOLUNTEER\",\"name\":\"王五\","
				+ "\"phone\":\"13800138000\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(25) + "\"}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("24 hours")));
		post("community1", "/api/v1/checkpoints/" + id + "/shifts", "{\"username\":\"grid2\"" + window)
				.andExpect(status().isBadRequest());
		post("checkpoint1", "/api/v1/checkpoints/" + id + "/shifts", "{\"duty\":\"GRID_WORKER\",\"username\":\"grid2\""
				+ window).andExpect(status().isForbidden());
		// grid2 works in another street but is on duty here: the scan page offers this checkpoint, and it may upload
		mvc.perform(get("/api/v1/checkpoints/mine").with(as("grid2"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[0].id").value(id));
		mvc.perform(get("/api/v1/checkpoints/" + id + "/shifts").with(as("grid2"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(2));
		String shifts = mvc.perform(get("/api/v1/checkpoints/" + id + "/shifts").with(as("community1")))
				.andReturn().getResponse().getContentAsString();
		int shiftId = JsonPath.read(shifts, "$[0].id");
		mvc.perform(delete("/api/v1/checkpoints/shifts/" + shiftId).with(as("grid2"))).andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/checkpoints/shifts/" + shiftId).with(as("community1")))
				.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/checkpoints/" + id + "/shifts?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")
				.with(as("community1"))).andExpect(status().isBadRequest());
	}

	@Test
	void scansUploadOnceAndCount() throws Exception {
		long id = road("community1", GRID1);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		UUID c = UUID.randomUUID();
		UUID d = UUID.randomUUID();
		UUID e = UUID.randomUUID();
		String batch = "{\"scans\":[" + scan(a, now.minusSeconds(60), "IN", "VALID", "OK", "PERSON") + ","
				+ scan(b, now.minusSeconds(50), "OUT", "VALID", "OK", "VEHICLE") + ","
				+ scan(c, now.minusSeconds(40), "IN", "REVOKED", "REVOKED", "PERSON") + ","
				+ scan(d, now.minusSeconds(30), "IN", "INVALID", "BAD_SIGNATURE", null) + ","
				+ scan(e, now.minusSeconds(20), "IN", "UNKNOWN", "NEEDS_SERVER", null) + "]}";
		post("police1", "/api/v1/checkpoints/" + id + "/scans", batch).andExpect(status().isOk())
				.andExpect(jsonPath("$.stored").value(5)).andExpect(jsonPath("$.duplicates").value(0));
		post("police1", "/api/v1/checkpoints/" + id + "/scans", batch).andExpect(status().isOk())
				.andExpect(jsonPath("$.stored").value(0)).andExpect(jsonPath("$.duplicates").value(5));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM checkpoint_scan WHERE checkpoint_id = ?").param(id).query(Long.class)
				.single()).isEqualTo(5);

		mvc.perform(get("/api/v1/checkpoints/counts?checkpoint=" + id).with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].personsIn").value(1))
				.andExpect(jsonPath("$[0].personsOut").value(0)).andExpect(jsonPath("$[0].vehiclesOut").value(1))
				.andExpect(jsonPath("$[0].refused").value(2)).andExpect(jsonPath("$[0].unknown").value(1));
		mvc.perform(get("/api/v1/checkpoints/counts").with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].checkpointId", hasItem((int) id)));
		mvc.perform(get("/api/v1/checkpoints/counts").with(as("grid2"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].checkpointId", not(hasItem((int) id))));
		mvc.perform(get("/api/v1/checkpoints/counts?from=2026-02-01&to=2026-01-01").with(as("community1")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/checkpoints/" + id + "/log").with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.content.length()").value(5)).andExpect(jsonPath("$.content[0].clientId").value(e.toString()))
				.andExpect(jsonPath("$.content[4].holder").value("王*明"));
		mvc.perform(get("/api/v1/checkpoints/" + id + "/log").with(as("grid2"))).andExpect(status().isForbidden());
		mvc.perform(get("/checkpoints/" + id).with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"checkpoint-counts\"")));
		mvc.perform(get("/checkpoints").with(as("community1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"checkpoint-new\"")));
		mvc.perform(get("/checkpoints").with(as("leader"))).andExpect(status().isForbidden());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/checkpoints/" + id)
				.with(as("community1")).with(csrf()).param("name", "夜间卡口").param("active", "false"))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT name FROM checkpoint WHERE id = ? AND active = FALSE").param(id).query(String.class)
				.single()).isEqualTo("夜间卡口");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/checkpoints/" + id)
				.with(as("grid2")).with(csrf()).param("name", "x")).andExpect(status().isForbidden());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/checkpoints")
				.with(as("community1")).with(csrf()).param("name", "页面卡口").param("kind", "ROAD")
				.param("jurisdictionCode", GRID1)).andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrlPattern("/checkpoints/*"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/checkpoints/" + id
				+ "/shifts").with(as("community1")).with(csrf()).param("duty", "VOLUNTEER").param("name", "赵六")
				.param("phone", "13700137000").param("from", "2026-12-01T08:00").param("to", "2026-12-01T20:00"))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flash"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/checkpoints/" + id
				+ "/shifts").with(as("community1")).with(csrf()).param("duty", "VOLUNTEER").param("name", "赵六")
				.param("phone", "1").param("from", "2026-12-01T08:00").param("to", "2026-12-01T20:00"))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flashError"));
	}

	String pass(String zone) throws Exception {
		String body = post("center", "/api/v1/passes", "{\"type\":\"PERSON\",\"holderName\":\"王小明\",\"purpose\":\"探亲\","
				+ "\"zones\":[\"" + zone + "\"]," + PassApiTest.window(-1, 24) + "}").andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		String code = JsonPath.read(body, "$.code");
		codeTexts.put(code, JsonPath.read(body, "$.codeText"));
		return code;
	}

	/** The text form the API answers with each code issued here. */
	final java.util.Map<String, String> codeTexts = new java.util.HashMap<>();

	ResultActions verify(String user, String code, Long checkpointId) throws Exception {
		return post(user, "/api/v1/passes/verify", "{\"code\":\"" + code + "\""
				+ (checkpointId == null ? "" : ",\"checkpointId\":" + checkpointId) + "}");
	}

	@Test
	void aGoodPassWhoseZonesDoNotCoverTheCheckpointIsNotValidHere() throws Exception {
		long gate = road("community1", GRID1);
		long edge = road("community1", COMMUNITY1);
		String elsewhere = pass(COMMUNITY2);
		String name = jdbc.sql("SELECT name FROM jurisdiction WHERE code = ?").param(COMMUNITY2).query(String.class)
				.single();
		verify("police1", elsewhere, gate).andExpect(status().isOk())
				.andExpect(jsonPath("$.result").value("NOT_VALID_HERE")).andExpect(jsonPath("$.reason").value("OUTSIDE_ZONES"))
				.andExpect(jsonPath("$.holder").value("王*明")).andExpect(jsonPath("$.zones[0]").value(COMMUNITY2))
				.andExpect(jsonPath("$.zoneNames[0].code").value(COMMUNITY2))
				.andExpect(jsonPath("$.zoneNames[0].name").value(name));
		verify("police1", elsewhere, null).andExpect(jsonPath("$.result").value("VALID"))
				.andExpect(jsonPath("$.zoneNames[0].name").value(name));
		// a zone containing the checkpoint, or lying inside the checkpoint's place
		verify("police1", pass(COMMUNITY1), gate).andExpect(jsonPath("$.result").value("VALID"));
		verify("community1", pass(GRID1), edge).andExpect(jsonPath("$.result").value("VALID"));
		verify("police1", pass(GRID1), gate).andExpect(jsonPath("$.result").value("VALID"));
		// typed from the text under the QR, with or without spaces, in lower case
		String text = codeTexts.get(elsewhere);
		assertThat(text).isEqualTo(org.gridlink.passes.token.PassCodeText.of(elsewhere));
		verify("police1", text.toLowerCase(), gate).andExpect(jsonPath("$.result").value("NOT_VALID_HERE"));
		verify("police1", text.replace(" ", ""), null).andExpect(jsonPath("$.result").value("VALID"));
		// an invalid code stays invalid at any checkpoint; a checkpoint the caller may not see is refused
		verify("police1", elsewhere.substring(0, 40), gate).andExpect(jsonPath("$.result").value("INVALID"));
		verify("grid2", elsewhere, gate).andExpect(status().isForbidden());
		// the page without scripts: amber, the zones by name; with scripts: what the offline verifier needs
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/checkpoint/verify")
				.with(as("police1")).with(csrf()).param("code", text).param("checkpointId", String.valueOf(gate))
				.header("HX-Request", "true")).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-result=\"NOT_VALID_HERE\"")))
				.andExpect(content().string(containsString("text-bg-warning")))
				.andExpect(content().string(containsString(name + " " + COMMUNITY2)));
		mvc.perform(get("/checkpoint").with(as("police1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-place=\"" + GRID1 + "\"")))
				.andExpect(content().string(containsString("data-zone=\"" + COMMUNITY2 + "\">" + name + "<")))
				.andExpect(content().string(containsString("data-time-zone=\"Asia/Shanghai\"")));
		// turned back: the scan log counts it as a refusal
		post("police1", "/api/v1/checkpoints/" + gate + "/scans", "{\"scans\":[" + scan(UUID.randomUUID(),
				Instant.now().minusSeconds(5), "IN", "NOT_VALID_HERE", "OUTSIDE_ZONES", "PERSON") + "]}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(1));
		mvc.perform(get("/api/v1/checkpoints/counts?checkpoint=" + gate).with(as("community1")))
				.andExpect(jsonPath("$[0].refused").value(1)).andExpect(jsonPath("$[0].personsIn").value(0));
	}

	@Test
	void badScansAreRefusedWholeAndOutOfScopeUploadsForbidden() throws Exception {
		long id = road("community1", GRID1);
		Instant now = Instant.now();
		String path = "/api/v1/checkpoints/" + id + "/scans";
		UUID good = UUID.randomUUID();
		post("police1", path, "{\"scans\":[]}").andExpect(status().isBadRequest());
		post("police1", path, "{}").andExpect(status().isBadRequest());
		post("police1", path, "{\"scans\":[" + scan(good, now, "IN", "VALID", "OK", "PERSON") + ","
				+ scan(UUID.randomUUID(), now, "IN", "VALID", "REVOKED", "PERSON") + "]}")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("Scan 2")));
		post("police1", path, "{\"scans\":[" + scan(UUID.randomUUID(), now.minus(40, ChronoUnit.DAYS), "IN", "VALID",
				"OK", "PERSON") + "]}").andExpect(status().isBadRequest());
		post("police1", path, "{\"scans\":[" + scan(UUID.randomUUID(), now.plus(1, ChronoUnit.HOURS), "IN", "VALID",
				"OK", "PERSON") + "]}").andExpect(status().isBadRequest());
		post("police1", path, "{\"scans\":[" + scan(UUID.randomUUID(), now, "SIDEWAYS", "VALID", "OK", "PERSON") + "]}")
				.andExpect(status().isBadRequest());
		post("police1", path, "{\"scans\":[" + scan(UUID.randomUUID(), now, "IN", "VALID", "OK", "PERSON")
				.replace("0123456789abcdef", "zz") + "]}").andExpect(status().isBadRequest());
		post("police1", path, "{\"scans\":[{\"scannedAt\":\"" + now + "\",\"direction\":\"IN\",\"result\":\"VALID\","
				+ "\"reason\":\"OK\"}]}").andExpect(status().isBadRequest());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM checkpoint_scan WHERE checkpoint_id = ?").param(id).query(Long.class)
				.single()).as("a refused batch stores nothing").isZero();
		post("checkpoint1", path, "{\"scans\":[" + scan(good, now, "IN", "VALID", "OK", "PERSON") + "]}")
				.andExpect(status().isForbidden());
		post("leader", path, "{\"scans\":[" + scan(good, now, "IN", "VALID", "OK", "PERSON") + "]}")
				.andExpect(status().isForbidden());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).with(as("police1"))
				.with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"scans\":[" + scan(good, now, "IN", "VALID", "OK", "PERSON") + "]}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(1));
	}
}
