package org.gridlink.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gridlink.residents.Residents;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** The campaign API: life cycle, scope, idempotent records, validation, key persons and progress. */
@WebTest
class ScreeningApiTest {

	static final String GRID1_B = "320819001001002";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	Residents residents;

	@Autowired
	JdbcClient jdbc;

	Fixture.Household home;
	Fixture.Household other;
	Fixture.Household otherGrid;

	@BeforeEach
	void households() {
		home = fixture.household("grid1", GRID1, 3);
		other = fixture.household("grid1", GRID1, 2);
		otherGrid = fixture.household("community1", GRID1_B, 2);
	}

	long campaign(String user, String code) throws Exception {
		String body = mvc.perform(post("/api/v1/screening/campaigns").with(as(user)).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"测试排查\",\"jurisdictionCode\":\"" + code
						+ "\",\"from\":\"2026-11-01\",\"to\":\"2026-11-30\"}"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("DRAFT"))
				.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	long running(String code) throws Exception {
		long id = campaign("community1", code);
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/start").with(as("community1")))
				.andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("STARTING"));
		fixture.awaitRunning(id);
		return id;
	}

	ResultActions send(String user, long campaign, String json) throws Exception {
		return mvc.perform(post("/api/v1/screening/campaigns/" + campaign + "/records").with(as(user))
				.header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	static String record(String clientId, long household, String outcome) {
		return "{\"clientId\":\"" + clientId + "\",\"householdId\":" + household + ",\"outcome\":\"" + outcome + "\"}";
	}

	static String uuid() {
		return UUID.randomUUID().toString();
	}

	@Test
	void lifeCycleAndRoles() throws Exception {
		long id = campaign("community1", COMMUNITY1);
		send("grid1", id, "[" + record(uuid(), home.id(), "ALL_NORMAL") + "]").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message", containsString("not running")));
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/start").with(as("grid1")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/start").with(as("community1")))
				.andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("STARTING"));
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/start").with(as("community1")))
				.andExpect(status().isBadRequest());
		fixture.awaitRunning(id);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_task WHERE campaign_id = ?").param(id).query(Long.class)
				.single()).isEqualTo(13);
		assertThat(jdbc.sql("SELECT members FROM screening_household WHERE campaign_id = ? AND household_id = ?")
				.params(id, home.id()).query(Integer.class).single()).isEqualTo(3);
		mvc.perform(get("/api/v1/screening/campaigns/" + id).with(as("leader"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/screening/campaigns").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.id == " + id + ")]", hasSize(1)));
		mvc.perform(get("/api/v1/screening/campaigns").with(as("grid2"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.id == " + id + ")]", hasSize(0)));
		mvc.perform(get("/api/v1/screening/campaigns/" + id).with(as("grid2"))).andExpect(status().isForbidden());
		send("grid1", id, "[" + record(uuid(), home.id(), "ALL_NORMAL") + "]").andExpect(status().isOk())
				.andExpect(jsonPath("$.accepted").value(1));
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/close").with(as("community1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
		send("grid1", id, "[" + record(uuid(), home.id(), "ALL_NORMAL") + "]").andExpect(status().isBadRequest());
	}

	@Test
	void creationOnlyByManagersWithinTheirScope() throws Exception {
		String body = "{\"name\":\"x\",\"jurisdictionCode\":\"%s\",\"from\":\"2026-11-01\",\"to\":\"2026-11-30\"}";
		mvc.perform(post("/api/v1/screening/campaigns").with(as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted("320819002001000".substring(0, 12)))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/screening/campaigns").with(as("leader")).contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(DISTRICT))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/screening/campaigns").with(as("grid1")).contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(GRID1))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/screening/campaigns").with(as("street1")).contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content("{\"name\":\"x\",\"jurisdictionCode\":\"" + STREET1 + "\",\"from\":\"2026-11-30\",\"to\":\"2026-11-01\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("period")));
		mvc.perform(post("/api/v1/screening/campaigns").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"jurisdictionCode\":\"" + DISTRICT + "\",\"from\":\"2026-11-01\",\"to\":\"2026-11-30\"}"))
				.andExpect(status().isBadRequest());
	}

	@Test
	void aGridWorkerCannotSeeOrScreenAnotherGridsHousehold() throws Exception {
		long id = running(COMMUNITY1);
		mvc.perform(get("/api/v1/screening/campaigns/" + id + "/households?grid=" + GRID1_B).with(as("grid1")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/screening/campaigns/" + id + "/households?grid=" + GRID1).with(as("grid1")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.householdId == " + home.id() + ")].people[*].idNumber",
						everyItem(containsString("*"))));
		String mine = uuid();
		String theirs = uuid();
		send("grid1", id, "[" + record(mine, home.id(), "ALL_NORMAL") + "," + record(theirs, otherGrid.id(), "ALL_NORMAL")
				+ "]").andExpect(status().isOk())
				.andExpect(jsonPath("$.accepted").value(1)).andExpect(jsonPath("$.rejected").value(1))
				.andExpect(jsonPath("$.results[1].status").value("REJECTED"))
				.andExpect(jsonPath("$.results[1].code").value("FORBIDDEN"));
		assertThat(jdbc.sql("SELECT outcome FROM screening_household WHERE campaign_id = ? AND household_id = ?")
				.params(id, otherGrid.id()).query(String.class).optional().orElse(null)).isNull();
		// grid2 is not even in the campaign's community
		mvc.perform(post("/api/v1/screening/campaigns/" + id + "/records").with(as("grid2"))
				.contentType(MediaType.APPLICATION_JSON).content("[" + record(uuid(), home.id(), "ALL_NORMAL") + "]"))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/screening/campaigns/" + id + "/progress?jurisdiction=" + COMMUNITY1).with(as("grid1")))
				.andExpect(status().isForbidden());
	}

	@Test
	void aResubmittedRecordIsCountedOnce() throws Exception {
		long id = running(COMMUNITY1);
		String a = uuid();
		String b = uuid();
		String batch = "[" + record(a, home.id(), "ALL_NORMAL") + "," + record(b, other.id(), "UNREACHABLE") + "]";
		send("grid1", id, batch).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(2));
		// the phone lost the answer and sends its queue again, with one record twice
		send("grid1", id, "[" + record(a, home.id(), "ALL_NORMAL") + "," + record(b, other.id(), "UNREACHABLE") + ","
				+ record(b, other.id(), "UNREACHABLE") + "]").andExpect(status().isOk())
				.andExpect(jsonPath("$.accepted").value(0)).andExpect(jsonPath("$.duplicates").value(3));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_record WHERE campaign_id = ?").param(id).query(Long.class)
				.single()).isEqualTo(2);
		mvc.perform(get("/api/v1/screening/campaigns/" + id + "/progress?jurisdiction=" + GRID1).with(as("grid1")))
				.andExpect(jsonPath("$.screenedHouseholds").value(1)).andExpect(jsonPath("$.screenedPersons").value(3))
				.andExpect(jsonPath("$.unreachable").value(1));
	}

	@Test
	void abnormalAnswersMakeKeyPersonsAndTags() throws Exception {
		long id = running(COMMUNITY1);
		String json = "[{\"clientId\":\"" + uuid() + "\",\"householdId\":" + home.id() + ",\"outcome\":\"EXCEPTION\","
				+ "\"answers\":{\"visit\":\"door\"},\"persons\":["
				+ "{\"residentId\":" + home.person(0) + ",\"temperature\":38.2},"
				+ "{\"residentId\":" + home.person(1) + ",\"temperature\":36.5,\"symptoms\":[\"干咳\"]},"
				+ "{\"residentId\":" + home.person(2) + ",\"temperature\":36.6,\"note\":\"ok\"}]}]";
		send("grid1", id, json).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
		mvc.perform(get("/api/v1/screening/campaigns/" + id + "/key-persons").with(as("community1")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.householdId == " + home.id() + ")]", hasSize(2)))
				.andExpect(jsonPath("$[?(@.residentId == " + home.person(0) + ")].reasons",
						contains(containsString("TEMPERATURE 38.2"))))
				.andExpect(jsonPath("$[*].idNumber", everyItem(containsString("*"))));
		mvc.perform(get("/api/v1/screening/campaigns/" + id + "/key-persons").with(as("grid2")))
				.andExpect(status().isForbidden());
		var community1 = fixture.user("community1");
		assertThat(residents.get(community1, home.person(0)).tags()).contains("SCREENING_ABNORMAL");
		assertThat(residents.get(community1, home.person(1)).tags()).contains("SCREENING_ABNORMAL");
		assertThat(residents.get(community1, home.person(2)).tags()).doesNotContain("SCREENING_ABNORMAL");
		mvc.perform(get("/api/v1/screening/campaigns/" + id + "/progress?jurisdiction=" + GRID1).with(as("grid1")))
				.andExpect(jsonPath("$.abnormalHouseholds").value(1)).andExpect(jsonPath("$.abnormalPersons").value(2));

		mvc.perform(put("/api/v1/screening/campaigns/" + id + "/key-persons/" + home.person(0) + "/owner")
				.with(as("community1")).contentType(MediaType.APPLICATION_JSON).content("{\"owner\":\"王医生\"}"))
				.andExpect(status().isNoContent());
		mvc.perform(put("/api/v1/screening/campaigns/" + id + "/key-persons/" + home.person(0) + "/owner")
				.with(as("grid1")).contentType(MediaType.APPLICATION_JSON).content("{\"owner\":\"me\"}"))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/screening/campaigns/" + id + "/key-persons").with(as("grid1")))
				.andExpect(jsonPath("$[?(@.residentId == " + home.person(0) + ")].owner", contains("王医生")));
	}

	@Test
	void aNewPersonBecomesAPendingResidentAndTheHouseholdIsToBeScreenedAgain() throws Exception {
		long id = running(COMMUNITY1);
		String idNumber = Fixture.idNumber();
		send("grid1", id, "[" + record(uuid(), home.id(), "ALL_NORMAL") + "]").andExpect(status().isOk());
		mvc.perform(get("/api/v1/screening/campaigns/" + id + "/progress?jurisdiction=" + GRID1).with(as("grid1")))
				.andExpect(jsonPath("$.screenedHouseholds").value(1));
		send("grid1", id, "[{\"clientId\":\"" + uuid() + "\",\"householdId\":" + home.id()
				+ ",\"outcome\":\"NEW_PERSON\",\"newPerson\":{\"name\":\"新来的\",\"idNumber\":\"" + idNumber + "\"}}]")
				.andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
		assertThat(residents.members(home.id())).anyMatch(r -> r.name().equals("新来的") && r.status().equals("PENDING"));
		mvc.perform(get("/api/v1/screening/campaigns/" + id + "/progress?jurisdiction=" + GRID1).with(as("grid1")))
				.andExpect(jsonPath("$.newPersons").value(1)).andExpect(jsonPath("$.screenedHouseholds").value(0))
				.andExpect(jsonPath("$.screenedPersons").value(0));
		mvc.perform(get("/api/v1/screening/campaigns/" + id + "/households?grid=" + GRID1).with(as("grid1")))
				.andExpect(jsonPath("$[?(@.householdId == " + home.id() + ")].outcome", contains((Object) null)));
		assertThat(directCount(id, GRID1).get("screenedHouseholds")).isZero();
		// screened again with the new person: counted once
		send("grid1", id, "[" + record(uuid(), home.id(), "ALL_NORMAL") + "]").andExpect(status().isOk());
		mvc.perform(get("/api/v1/screening/campaigns/" + id + "/progress?jurisdiction=" + GRID1).with(as("grid1")))
				.andExpect(jsonPath("$.screenedHouseholds").value(1));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_record WHERE answers LIKE ?").param("%" + idNumber + "%")
				.query(Long.class).single()).as("the full ID number is not kept in the records").isZero();
	}

	@Test
	void batchLimitsAndBadInput() throws Exception {
		long id = running(COMMUNITY1);
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 501; i++) {
			many.add(record(uuid(), home.id(), "ALL_NORMAL"));
		}
		send("grid1", id, "[" + String.join(",", many) + "]").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message").value("At most 500 records per request (501 sent)."));
		send("grid1", id, "[]").andExpect(status().isBadRequest());
		send("grid1", id, "{\"clientId\":1}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("INVALID_INPUT"));
		send("grid1", id, "[" + record(uuid(), home.id(), "FINE") + "]").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message", containsString("unknown outcome FINE")));
		send("grid1", id, "[" + record("not-a-uuid", home.id(), "ALL_NORMAL") + "]").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message", containsString("UUID")));
		send("grid1", id, "[{\"clientId\":\"" + uuid() + "\",\"householdId\":" + home.id()
				+ ",\"outcome\":\"EXCEPTION\",\"persons\":[{\"residentId\":" + home.person(0) + ",\"temperature\":45}]}]")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("outside 34")));
		send("grid1", id, "[{\"clientId\":\"" + uuid() + "\",\"householdId\":" + home.id()
				+ ",\"outcome\":\"EXCEPTION\",\"persons\":[{\"residentId\":" + home.person(0)
				+ ",\"symptoms\":[\"头晕眼花\"]}]}]")
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("symptom checklist")));
		send("grid1", id, "[{\"clientId\":\"" + uuid() + "\",\"householdId\":" + home.id()
				+ ",\"outcome\":\"EXCEPTION\",\"persons\":[]}]").andExpect(status().isBadRequest());
		send("grid1", id, "[{\"clientId\":\"" + uuid() + "\",\"householdId\":" + home.id()
				+ ",\"outcome\":\"NEW_PERSON\"}]").andExpect(status().isBadRequest());
		// a new person's details are typed at the door: a mistake refuses that record only, with what is wrong
		String badId = uuid();
		String goodRecord = uuid();
		send("grid1", id, "[{\"clientId\":\"" + badId + "\",\"householdId\":" + home.id()
				+ ",\"outcome\":\"NEW_PERSON\",\"newPerson\":{\"name\":\"x\",\"idNumber\":\"110105199001011234\"}},"
				+ record(goodRecord, other.id(), "UNREACHABLE") + "]")
				.andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1))
				.andExpect(jsonPath("$.results[0].status").value("REJECTED"))
				.andExpect(jsonPath("$.results[0].code").value("INVALID_INPUT"))
				.andExpect(jsonPath("$.results[0].message", containsString("check digit")))
				.andExpect(jsonPath("$.results[1].status").value("ACCEPTED"));
		send("grid1", id, "[{\"clientId\":\"" + uuid() + "\",\"householdId\":" + home.id()
				+ ",\"outcome\":\"NEW_PERSON\",\"newPerson\":{\"name\":\" \",\"idNumber\":\"" + Fixture.idNumber() + "\"}}]")
				.andExpect(status().isOk()).andExpect(jsonPath("$.results[0].message", containsString("name is required")));
		send("grid1", id, "[{\"clientId\":\"" + uuid() + "\",\"householdId\":" + home.id()
				+ ",\"outcome\":\"NEW_PERSON\",\"newPerson\":{\"name\":\"y\",\"idNumber\":\"" + Fixture.idNumber()
				+ "\",\"phone\":\"12\"}}]")
				.andExpect(status().isOk()).andExpect(jsonPath("$.results[0].message", containsString("phone is not valid")));
		send("grid1", id, "[" + record(uuid(), 999_999_999L, "ALL_NORMAL") + "]").andExpect(status().isOk())
				.andExpect(jsonPath("$.results[0].status").value("REJECTED"))
				.andExpect(jsonPath("$.results[0].code").value("NOT_FOUND"));
		send("grid1", id, "[{\"clientId\":\"" + uuid() + "\",\"householdId\":" + home.id()
				+ ",\"outcome\":\"EXCEPTION\",\"persons\":[{\"residentId\":" + other.person(0) + ",\"contact\":true}]}]")
				.andExpect(status().isOk()).andExpect(jsonPath("$.results[0].status").value("REJECTED"))
				.andExpect(jsonPath("$.results[0].message", containsString("not a member")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_record WHERE campaign_id = ?").param(id).query(Long.class)
				.single()).as("only the good record of the mixed batch").isEqualTo(1);
	}

	@Test
	void progressEqualsADirectCountOverTheRecords() throws Exception {
		Fixture.Household third = fixture.household("grid1", GRID1, 4);
		long id = running(COMMUNITY1);
		String exception = "{\"clientId\":\"%s\",\"householdId\":%d,\"outcome\":\"EXCEPTION\",\"persons\":[{\"residentId\":%d,\"travel\":true}]}";
		send("grid1", id, "[" + record(uuid(), home.id(), "UNREACHABLE") + ","
				+ exception.formatted(uuid(), other.id(), other.person(1)) + ","
				+ record(uuid(), home.id(), "ALL_NORMAL") + "]").andExpect(status().isOk());
		send("community1", id, "[" + record(uuid(), otherGrid.id(), "MOVED_OUT") + ","
				+ exception.formatted(uuid(), third.id(), third.person(0)) + "]").andExpect(status().isOk());
		// a later visit finds the exception household all normal again
		send("grid1", id, "[" + record(uuid(), third.id(), "ALL_NORMAL") + "," + record(uuid(), home.id(), "UNREACHABLE")
				+ "]").andExpect(status().isOk());

		for (String[] node : new String[][] { { "community1", COMMUNITY1 }, { "grid1", GRID1 },
				{ "community1", GRID1_B }, { "street1", STREET1 }, { "center", DISTRICT } }) {
			String body = mvc.perform(get("/api/v1/screening/campaigns/" + id + "/progress?jurisdiction=" + node[1])
					.with(as(node[0]))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			Map<String, Long> direct = directCount(id, node[1]);
			for (String figure : direct.keySet()) {
				assertThat(((Number) JsonPath.read(body, "$." + figure)).longValue()).as(node[1] + " " + figure)
						.isEqualTo(direct.get(figure));
			}
			List<Integer> childScreened = JsonPath.read(body, "$.children[*].screenedHouseholds");
			assertThat(node[1].length() == 15 || childScreened.stream().mapToLong(Integer::longValue).sum() == direct.get("screenedHouseholds"))
					.as("children add up").isTrue();
		}
		assertThat(directCount(id, COMMUNITY1).get("screenedHouseholds")).isEqualTo(3);
	}

	/** The figures counted straight from the records (latest per household) and the households' snapshot. */
	Map<String, Long> directCount(long id, String code) {
		String prefix = code.length() == 15 ? code : code.endsWith("000000") ? code.substring(0, 6)
				: code.endsWith("000") ? code.substring(0, 9) : code;
		String latest = """
				FROM screening_record r JOIN screening_household h ON h.campaign_id = r.campaign_id AND h.household_id = r.household_id
				WHERE r.campaign_id = ? AND r.grid_code LIKE ?
				AND r.id = (SELECT MAX(x.id) FROM screening_record x WHERE x.campaign_id = r.campaign_id
				  AND x.household_id = r.household_id)""";
		long households = jdbc.sql("SELECT COUNT(*) FROM screening_household WHERE campaign_id = ? AND grid_code LIKE ?")
				.params(id, prefix + "%").query(Long.class).single();
		long persons = jdbc.sql("SELECT COALESCE(SUM(members), 0) FROM screening_household WHERE campaign_id = ? AND grid_code LIKE ?")
				.params(id, prefix + "%").query(Long.class).single();
		long screened = jdbc.sql("SELECT COUNT(*) " + latest + " AND r.outcome IN ('ALL_NORMAL', 'EXCEPTION', 'MOVED_OUT')")
				.params(id, prefix + "%").query(Long.class).single();
		long screenedPersons = jdbc.sql("SELECT COALESCE(SUM(h.members), 0) " + latest
				+ " AND r.outcome IN ('ALL_NORMAL', 'EXCEPTION', 'MOVED_OUT')").params(id, prefix + "%").query(Long.class).single();
		long abnormal = jdbc.sql("SELECT COUNT(*) " + latest + " AND r.outcome = 'EXCEPTION' AND r.abnormal > 0")
				.params(id, prefix + "%").query(Long.class).single();
		long abnormalPersons = jdbc.sql("SELECT COALESCE(SUM(r.abnormal), 0) " + latest + " AND r.outcome = 'EXCEPTION'")
				.params(id, prefix + "%").query(Long.class).single();
		long unreachable = jdbc.sql("SELECT COUNT(*) " + latest + " AND r.outcome = 'UNREACHABLE'")
				.params(id, prefix + "%").query(Long.class).single();
		return Map.of("households", households, "persons", persons, "screenedHouseholds", screened, "screenedPersons",
				screenedPersons, "abnormalHouseholds", abnormal, "abnormalPersons", abnormalPersons, "unreachable",
				unreachable);
	}
}
