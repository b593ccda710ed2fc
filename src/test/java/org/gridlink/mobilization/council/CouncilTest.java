package org.gridlink.mobilization.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.COMMUNITY1;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.gridlink.support.Concurrently;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * The "1+N" council end to end over the API on the demo district (every community has its demo council): a decision
 * opens exactly one case however often (and however concurrently) the button is pressed, the minutes cannot change
 * after the chair's sign-off, the quorum is enforced, scope per role, the public board shows nothing personal but
 * the members' names and roles, and bad input is refused with 400.
 */
@WebTest
class CouncilTest {

	/** A community of street 001 besides community1's, and one of street 002. */
	private static final String SAME_STREET = "320819001002";
	private static final String OTHER_STREET = "320819002001";

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;

	private MvcResult send(MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
		return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().is(expected)).andReturn();
	}

	private static long longAt(MvcResult result, String path) throws Exception {
		return ((Number) JsonPath.read(result.getResponse().getContentAsString(), path)).longValue();
	}

	private List<Long> currentSeats(String community) throws Exception {
		MvcResult council = mvc.perform(get("/api/v1/councils/" + community).with(as("center")))
				.andExpect(status().isOk()).andReturn();
		List<Number> ids = JsonPath.read(council.getResponse().getContentAsString(), "$.seats[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

	/** A new meeting in community1 with one free agenda item; answers {meeting id, agenda item id}. */
	private long[] meeting(String title) throws Exception {
		MvcResult created = send(post("/api/v1/council-meetings").with(as("community1")), """
				{"communityCode":"%s","heldOn":"%s","title":"%s","agenda":[{"source":"FREE","title":"楼道堆物清理"}]}"""
				.formatted(COMMUNITY1, districtToday(), title), 201);
		return new long[] { longAt(created, "$.id"), longAt(created, "$.agenda[0].id") };
	}

	private void attend(long meeting, List<Long> seats, int expected) throws Exception {
		send(post("/api/v1/council-meetings/" + meeting + "/attendance").with(as("community1")),
				"{\"present\":" + seats + "}", expected);
	}

	private MvcResult decide(long meeting, long item, long owner, int expected) throws Exception {
		return send(post("/api/v1/council-meetings/" + meeting + "/decisions").with(as("community1")), """
				{"agendaItemId":%d,"text":"物业公司一周内清理楼道","ownerSeatId":%d,"deadline":"%s"}"""
				.formatted(item, owner, districtToday().plusDays(7)), expected);
	}

	@Test
	void aDecisionOpensExactlyOneCase() throws Exception {
		List<Long> seats = currentSeats(COMMUNITY1);
		long[] m = meeting("立案测试 " + UUID.randomUUID());
		attend(m[0], seats, 200);
		long decision = longAt(decide(m[0], m[1], seats.get(1), 201), "$.id");
		// pressed twice at the same moment, then once more: one case
		List<MvcResult> results = Concurrently.run(
				() -> mvc.perform(post("/api/v1/council-decisions/" + decision + "/case").with(as("community1"))
						.contentType(MediaType.APPLICATION_JSON).content("{\"categoryCode\":\"S0204\"}")).andReturn(),
				() -> mvc.perform(post("/api/v1/council-decisions/" + decision + "/case").with(as("street1"))
						.contentType(MediaType.APPLICATION_JSON).content("{\"categoryCode\":\"S0204\"}")).andReturn());
		assertThat(results).extracting(r -> r.getResponse().getStatus()).containsExactlyInAnyOrder(201, 200);
		long caseId = longAt(results.get(0), "$.caseId");
		assertThat(longAt(results.get(1), "$.caseId")).isEqualTo(caseId);
		MvcResult again = send(post("/api/v1/council-decisions/" + decision + "/case").with(as("community1")),
				"{\"categoryCode\":\"S0204\"}", 200);
		assertThat(longAt(again, "$.caseId")).isEqualTo(caseId);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE description LIKE '%物业公司一周内清理楼道%' AND id = ?")
				.param(caseId).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_idempotency WHERE idem_key = ?")
				.param(Councils.caseKey(decision)).query(Long.class).single()).isEqualTo(1);
		mvc.perform(get("/api/v1/council-decisions/" + decision).with(as("community1")))
				.andExpect(jsonPath("$.caseId").value(caseId));
		mvc.perform(get("/api/v1/council-meetings/" + m[0]).with(as("community1")))
				.andExpect(jsonPath("$.decisions[0].caseId").value(caseId));
		mvc.perform(get("/api/v1/cases/" + caseId).with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.jurisdictionCode").value(COMMUNITY1));
	}

	@Test
	void aDecisionOpensExactlyOneTask() throws Exception {
		List<Long> seats = currentSeats(COMMUNITY1);
		long[] m = meeting("任务测试 " + UUID.randomUUID());
		attend(m[0], seats, 200);
		long decision = longAt(decide(m[0], m[1], seats.get(1), 201), "$.id");
		long cadre = jdbc.sql("SELECT id FROM staff WHERE username = 'cadre1'").query(Long.class).single();
		String cadreTask = """
				{"target":"CADRE","kind":"GATE_DUTY","staffId":%d,"day":"%s"}""".formatted(cadre, districtToday());
		// bad input and scope first: nothing is opened
		send(post("/api/v1/council-decisions/" + decision + "/task").with(as("community1")), "{}", 400);
		send(post("/api/v1/council-decisions/" + decision + "/task").with(as("community1")),
				"{\"target\":\"BOTH\",\"kind\":\"GATE_DUTY\"}", 400);
		send(post("/api/v1/council-decisions/" + decision + "/task").with(as("community1")),
				"{\"target\":\"CADRE\",\"kind\":\"NAPPING\",\"staffId\":" + cadre + "}", 400);
		send(post("/api/v1/council-decisions/" + decision + "/task").with(as("community1")),
				"{\"target\":\"VOLUNTEER\",\"kind\":\"DELIVERY\",\"place\":\"东门\"}", 400);
		send(post("/api/v1/council-decisions/" + decision + "/task").with(as("leader")), cadreTask, 403);
		send(post("/api/v1/council-decisions/" + decision + "/task").with(as("grid1")), cadreTask, 403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM council_decision WHERE id = ? AND task_id IS NULL").param(decision)
				.query(Long.class).single()).isEqualTo(1);
		// pressed twice at the same moment, then once more: one cadre task
		List<MvcResult> results = Concurrently.run(
				() -> mvc.perform(post("/api/v1/council-decisions/" + decision + "/task").with(as("community1"))
						.contentType(MediaType.APPLICATION_JSON).content(cadreTask)).andReturn(),
				() -> mvc.perform(post("/api/v1/council-decisions/" + decision + "/task").with(as("community1"))
						.contentType(MediaType.APPLICATION_JSON).content(cadreTask)).andReturn());
		assertThat(results).extracting(r -> r.getResponse().getStatus()).containsExactlyInAnyOrder(201, 200);
		long taskId = longAt(results.get(0), "$.taskId");
		assertThat(longAt(results.get(1), "$.taskId")).isEqualTo(taskId);
		MvcResult again = send(post("/api/v1/council-decisions/" + decision + "/task").with(as("community1")),
				"{\"target\":\"VOLUNTEER\"}", 200);
		assertThat(longAt(again, "$.taskId")).isEqualTo(taskId);
		assertThat(JsonPath.<String>read(again.getResponse().getContentAsString(), "$.kind")).isEqualTo("CADRE");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM cadre_task WHERE details LIKE '%物业公司一周内清理楼道%' AND id = ?"
				+ " AND community_code = ? AND staff_id = ?").params(taskId, COMMUNITY1, cadre).query(Long.class)
				.single()).isEqualTo(1);
		mvc.perform(get("/api/v1/council-decisions/" + decision).with(as("community1")))
				.andExpect(jsonPath("$.taskId").value(taskId)).andExpect(jsonPath("$.taskKind").value("CADRE"));
		mvc.perform(get("/api/v1/council-meetings/" + m[0]).with(as("community1")))
				.andExpect(jsonPath("$.decisions[0].taskId").value(taskId));
		mvc.perform(get("/api/v1/cadre-tasks").with(as("cadre1"))).andExpect(status().isOk()).andExpect(
				r -> assertThat(r.getResponse().getContentAsString()).contains("\"id\":" + taskId));
		// a decision of a signed meeting still opens its task (follow-up): a volunteer task, by street staff too
		long signed = jdbc.sql("SELECT MIN(d.id) FROM council_decision d JOIN council_meeting m ON m.id = d.meeting_id"
				+ " WHERE d.community_code = ? AND m.minutes_state = 'SIGNED' AND d.task_id IS NULL").param(COMMUNITY1)
				.query(Long.class).single();
		String volunteerTask = """
				{"target":"VOLUNTEER","kind":"DELIVERY","place":"3号楼","startsAt":"%s","endsAt":"%s","needed":3}"""
				.formatted(districtToday().plusDays(2) + "T09:00:00+08:00", districtToday().plusDays(2)
						+ "T11:00:00+08:00");
		send(post("/api/v1/council-decisions/" + signed + "/task").with(as("street1")), """
				{"target":"CADRE","kind":"GATE_DUTY","staffId":%d}""".formatted(cadre), 403);
		long volunteerTaskId = longAt(send(post("/api/v1/council-decisions/" + signed + "/task").with(as("street1")),
				volunteerTask, 201), "$.taskId");
		assertThat(longAt(send(post("/api/v1/council-decisions/" + signed + "/task").with(as("community1")),
				volunteerTask, 200), "$.taskId")).isEqualTo(volunteerTaskId);
		assertThat(jdbc.sql("SELECT community_code FROM volunteer_task WHERE id = ?").param(volunteerTaskId)
				.query(String.class).single()).isEqualTo(COMMUNITY1);
		mvc.perform(get("/api/v1/council-decisions/" + signed).with(as("community1")))
				.andExpect(jsonPath("$.taskKind").value("VOLUNTEER"));
		// outside the scope
		long otherDecision = jdbc.sql("SELECT MIN(id) FROM council_decision WHERE community_code = ?")
				.param(OTHER_STREET).query(Long.class).single();
		send(post("/api/v1/council-decisions/" + otherDecision + "/task").with(as("community1")), volunteerTask, 403);
		// the meeting page offers the task and shows the opened one
		mvc.perform(get("/council-meetings/" + m[0]).with(as("community1"))).andExpect(status().isOk())
				.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("/communities/" + COMMUNITY1
						+ "/duty"));
	}

	@Test
	void theMinutesCannotChangeAfterSignOff() throws Exception {
		List<Long> seats = currentSeats(COMMUNITY1);
		long[] m = meeting("签发测试 " + UUID.randomUUID());
		attend(m[0], seats, 200);
		decide(m[0], m[1], seats.get(2), 201);
		MvcResult draft = send(put("/api/v1/council-meetings/" + m[0] + "/minutes").with(as("community1")),
				"{\"text\":\"第一稿\"}", 200);
		assertThat((String) JsonPath.read(draft.getResponse().getContentAsString(), "$.minutesState")).isEqualTo("DRAFT");
		MvcResult amended = send(put("/api/v1/council-meetings/" + m[0] + "/minutes").with(as("community1")),
				"{\"text\":\"修改稿\"}", 200);
		assertThat((String) JsonPath.read(amended.getResponse().getContentAsString(), "$.minutesState"))
				.isEqualTo("AMENDED");
		// a stale version is refused
		send(put("/api/v1/council-meetings/" + m[0] + "/minutes").with(as("community1")),
				"{\"text\":\"旧版本\",\"version\":0}", 409);
		MvcResult signed = send(post("/api/v1/council-meetings/" + m[0] + "/sign-off").with(as("community1")), "{}", 200);
		assertThat((String) JsonPath.read(signed.getResponse().getContentAsString(), "$.minutesState"))
				.isEqualTo("SIGNED");
		send(put("/api/v1/council-meetings/" + m[0] + "/minutes").with(as("community1")), "{\"text\":\"改\"}", 409);
		send(put("/api/v1/council-meetings/" + m[0] + "/minutes").with(as("center")), "{\"text\":\"改\"}", 409);
		send(post("/api/v1/council-meetings/" + m[0] + "/sign-off").with(as("community1")), "{}", 409);
		attend(m[0], seats.subList(0, 4), 409);
		decide(m[0], m[1], seats.get(1), 409);
		send(post("/api/v1/council-meetings/" + m[0] + "/agenda-items").with(as("community1")),
				"{\"source\":\"FREE\",\"title\":\"补充议题\"}", 409);
		assertThat(jdbc.sql("SELECT minutes FROM council_meeting WHERE id = ?").param(m[0]).query(String.class)
				.single()).isEqualTo("修改稿");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM council_minutes_revision WHERE meeting_id = ?").param(m[0])
				.query(Long.class).single()).isEqualTo(2);
		// tracking the decision to done goes on after the sign-off
		long decision = jdbc.sql("SELECT id FROM council_decision WHERE meeting_id = ?").param(m[0])
				.query(Long.class).single();
		send(post("/api/v1/council-decisions/" + decision + "/progress").with(as("community1")),
				"{\"note\":\"已清理\",\"done\":true}", 201);
		send(post("/api/v1/council-decisions/" + decision + "/progress").with(as("community1")),
				"{\"note\":\"再次\",\"done\":true}", 409);
	}

	@Test
	void theQuorumIsEnforcedBeforeDecisions() throws Exception {
		List<Long> seats = currentSeats(COMMUNITY1);
		int half = seats.size() / 2;
		long[] m = meeting("法定人数测试 " + UUID.randomUUID());
		decide(m[0], m[1], seats.get(1), 409);
		attend(m[0], seats.subList(0, half), 200);
		MvcResult refused = decide(m[0], m[1], seats.get(1), 409);
		assertThat(refused.getResponse().getContentAsString()).contains(String.valueOf(half));
		send(put("/api/v1/council-meetings/" + m[0] + "/minutes").with(as("community1")), "{\"text\":\"纪要\"}", 200);
		send(post("/api/v1/council-meetings/" + m[0] + "/sign-off").with(as("community1")), "{}", 409);
		mvc.perform(get("/api/v1/council-meetings/" + m[0]).with(as("community1")))
				.andExpect(jsonPath("$.quorate").value(false)).andExpect(jsonPath("$.quorum").value(half + 1));
		attend(m[0], seats.subList(0, half + 1), 200);
		decide(m[0], m[1], seats.get(1), 201);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM council_decision WHERE meeting_id = ?").param(m[0])
				.query(Long.class).single()).isEqualTo(1);
		// the page shows the quorum and the rule
		String page = mvc.perform(get("/council-meetings/" + m[0]).with(as("community1"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("/council-meetings/" + m[0] + "/decisions");
	}

	@Test
	void eachRoleSeesItsScope() throws Exception {
		mvc.perform(get("/api/v1/councils/" + COMMUNITY1).with(as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.seats[0].kind").value("PARTY_COMMITTEE"));
		mvc.perform(get("/api/v1/councils/" + SAME_STREET).with(as("community1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/councils/" + SAME_STREET).with(as("street1"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/councils/" + OTHER_STREET).with(as("street1"))).andExpect(status().isForbidden());
		for (String user : List.of("center", "leader")) {
			mvc.perform(get("/api/v1/councils/" + OTHER_STREET).with(as(user))).andExpect(status().isOk());
		}
		for (String user : List.of("grid1", "dept1", "police1", "inspector1")) {
			mvc.perform(get("/api/v1/councils/" + COMMUNITY1).with(as(user))).andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/council-meetings").with(as(user))).andExpect(status().isForbidden());
		}
		// lists hold only the caller's councils
		String mine = mvc.perform(get("/api/v1/council-meetings?size=500").with(as("community1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> codes = JsonPath.read(mine, "$.content[*].communityCode");
		assertThat(codes).isNotEmpty().allMatch(COMMUNITY1::equals);
		String street = mvc.perform(get("/api/v1/council-meetings?size=500").with(as("street1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		List<String> streetCodes = JsonPath.read(street, "$.content[*].communityCode");
		assertThat(streetCodes).isNotEmpty().allMatch(c -> c.startsWith("320819001"))
				.anyMatch(c -> !c.equals(COMMUNITY1));
		long all = longAt(mvc.perform(get("/api/v1/council-meetings?size=1").with(as("leader"))).andReturn(),
				"$.page.totalElements");
		assertThat(all).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM council_meeting").query(Long.class).single());
		String filtered = mvc.perform(get("/api/v1/council-meetings?community=" + SAME_STREET + "&from="
				+ districtToday().minusDays(30) + "&size=500").with(as("center"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		List<String> held = JsonPath.read(filtered, "$.content[*].heldOn");
		assertThat(held).isNotEmpty().allMatch(d -> !LocalDate.parse(d).isBefore(districtToday().minusDays(30)));
		// writes: leaders read only; nobody writes outside their scope
		send(post("/api/v1/council-meetings").with(as("leader")), """
				{"communityCode":"%s","heldOn":"%s","title":"会议"}""".formatted(COMMUNITY1, districtToday()), 403);
		send(post("/api/v1/council-meetings").with(as("community1")), """
				{"communityCode":"%s","heldOn":"%s","title":"会议"}""".formatted(SAME_STREET, districtToday()), 403);
		long otherMeeting = jdbc.sql("SELECT MIN(id) FROM council_meeting WHERE community_code = ?")
				.param(OTHER_STREET).query(Long.class).single();
		mvc.perform(get("/api/v1/council-meetings/" + otherMeeting).with(as("street1")))
				.andExpect(status().isForbidden());
		send(put("/api/v1/council-meetings/" + otherMeeting + "/minutes").with(as("street1")), "{\"text\":\"x\"}", 403);
		long otherDecision = jdbc.sql("SELECT MIN(id) FROM council_decision WHERE community_code = ?")
				.param(OTHER_STREET).query(Long.class).single();
		send(post("/api/v1/council-decisions/" + otherDecision + "/case").with(as("community1")),
				"{\"categoryCode\":\"S0204\"}", 403);
		// the home of community staff shows their council's overdue decisions (the demo has some)
		assertThat(jdbc.sql("SELECT COUNT(*) FROM council_decision WHERE community_code = ? AND state = 'OPEN'"
				+ " AND deadline < CURRENT_DATE").param(COMMUNITY1).query(Long.class).single()).isPositive();
		mvc.perform(get("/").with(as("community1"))).andExpect(status().isOk())
				.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("/councils/" + COMMUNITY1));
		mvc.perform(get("/councils/" + COMMUNITY1).with(as("community1"))).andExpect(status().isOk());
		mvc.perform(get("/councils").with(as("street1"))).andExpect(status().isOk());
		mvc.perform(get("/councils/" + OTHER_STREET).with(as("street1"))).andExpect(status().isForbidden());
	}

	@Test
	void thePublicBoardShowsNamesAndRolesOnly() throws Exception {
		List<Long> seats = currentSeats(COMMUNITY1);
		String title = "公示测试 " + UUID.randomUUID();
		long[] m = meeting(title);
		attend(m[0], seats, 200);
		long decision = longAt(decide(m[0], m[1], seats.get(1), 201), "$.id");
		send(post("/api/v1/council-decisions/" + decision + "/progress").with(as("community1")),
				"{\"note\":\"进展说明只给工作人员看\"}", 201);
		send(put("/api/v1/council-meetings/" + m[0] + "/minutes").with(as("community1")),
				"{\"text\":\"居民反映问题，联系电话13912345678，身份证号320819199001011234。\"}", 200);
		String before = mvc.perform(get("/council-board/" + COMMUNITY1)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		assertThat(before).doesNotContain(title);
		send(post("/api/v1/council-meetings/" + m[0] + "/sign-off").with(as("community1")), "{}", 200);
		String board = mvc.perform(get("/council-board/" + COMMUNITY1)).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		String name = jdbc.sql("SELECT person_name FROM council_seat WHERE id = ?").param(seats.get(0))
				.query(String.class).single();
		String former = jdbc.sql("SELECT person_name FROM council_seat WHERE community_code = ? AND left_on IS NOT"
				+ " NULL").param(COMMUNITY1).query(String.class).list().get(0);
		assertThat(board).contains(title).contains(name).contains("书记").contains("物业公司一周内清理楼道")
				.doesNotContain("13912345678").doesNotContain("320819199001011234")
				.doesNotContain("进展说明只给工作人员看").doesNotContain("community1").doesNotContain(former);
		mvc.perform(get("/council-board/320819001")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/councils/" + COMMUNITY1)).andExpect(status().isUnauthorized());
	}

	@Test
	void badInputIsRefused() throws Exception {
		List<Long> seats = currentSeats(COMMUNITY1);
		long foreignSeat = jdbc.sql("SELECT MIN(id) FROM council_seat WHERE community_code = ?").param(SAME_STREET)
				.query(Long.class).single();
		mvc.perform(get("/api/v1/councils/32081900100").with(as("center"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/councils/320819001000").with(as("center"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/councils/320819001999").with(as("center"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/council-meetings?size=0").with(as("center"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/council-meetings?community=abc").with(as("center"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/council-meetings?from=2026-13-01").with(as("center")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/council-meetings?from=2026-05-02&to=2026-05-01").with(as("center")))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/council-decisions?state=LATE").with(as("center"))).andExpect(status().isBadRequest());
		String seat = "/api/v1/councils/" + COMMUNITY1 + "/seats";
		send(post(seat).with(as("community1")), "{\"kind\":\"KING\",\"organisation\":\"a\",\"personName\":\"b\","
				+ "\"personRole\":\"c\"}", 400);
		send(post(seat).with(as("community1")), "{\"kind\":\"POLICE\",\"organisation\":\"\",\"personName\":\"b\","
				+ "\"personRole\":\"c\"}", 400);
		send(post(seat).with(as("community1")), "{\"kind\":\"POLICE\",\"organisation\":\"a\",\"personName\":\"b\","
				+ "\"personRole\":\"c\",\"chair\":true}", 400);
		send(post(seat).with(as("community1")), "{\"kind\":\"POLICE\",\"organisation\":\"a\",\"personName\":\"b\","
				+ "\"personRole\":\"c\",\"termFrom\":\"2026-05-01\",\"termTo\":\"2026-04-01\"}", 400);
		send(post(seat).with(as("community1")), "{\"kind\":\"POLICE\",\"termFrom\":\"soon\"}", 400);
		send(post("/api/v1/council-seats/" + seats.get(1) + "/leaving").with(as("community1")),
				"{\"leftOn\":\"" + districtToday().plusDays(3) + "\"}", 400);
		String meetings = "/api/v1/council-meetings";
		send(post(meetings).with(as("community1")), "{\"communityCode\":\"%s\",\"title\":\"x\"}".formatted(COMMUNITY1),
				400);
		send(post(meetings).with(as("community1")), "{\"communityCode\":\"%s\",\"heldOn\":\"%s\",\"title\":\" \"}"
				.formatted(COMMUNITY1, districtToday()), 400);
		send(post(meetings).with(as("community1")), """
				{"communityCode":"%s","heldOn":"%s","title":"x","agenda":[{"source":"GOSSIP","title":"x"}]}"""
				.formatted(COMMUNITY1, districtToday()), 400);
		send(post(meetings).with(as("community1")), """
				{"communityCode":"%s","heldOn":"%s","title":"x","agenda":[{"source":"CASE","refId":999999999}]}"""
				.formatted(COMMUNITY1, districtToday()), 400);
		send(post(meetings).with(as("community1")), """
				{"communityCode":"%s","heldOn":"%s","title":"x","agenda":[{"source":"HANDOFF"}]}"""
				.formatted(COMMUNITY1, districtToday()), 400);
		send(post(meetings).with(as("community1")), """
				{"communityCode":"%s","heldOn":"%s","title":"x","agenda":[{"source":"CONCERN","refId":999999999}]}"""
				.formatted(COMMUNITY1, districtToday()), 400);
		send(post(meetings).with(as("community1")), "{\"communityCode\":", 400);
		long[] m = meeting("输入测试 " + UUID.randomUUID());
		attend(m[0], List.of(foreignSeat), 400);
		send(post("/api/v1/council-meetings/" + m[0] + "/attendance").with(as("community1")), "{}", 400);
		attend(m[0], seats, 200);
		String decisions = "/api/v1/council-meetings/" + m[0] + "/decisions";
		send(post(decisions).with(as("community1")), """
				{"agendaItemId":%d,"text":"","ownerSeatId":%d,"deadline":"%s"}"""
				.formatted(m[1], seats.get(1), districtToday().plusDays(3)), 400);
		send(post(decisions).with(as("community1")), """
				{"agendaItemId":%d,"text":"x","ownerSeatId":%d,"deadline":"%s"}"""
				.formatted(m[1], foreignSeat, districtToday().plusDays(3)), 400);
		send(post(decisions).with(as("community1")), """
				{"agendaItemId":%d,"text":"x","ownerSeatId":%d,"deadline":"%s"}"""
				.formatted(m[1] + 100000, seats.get(1), districtToday().plusDays(3)), 400);
		send(post(decisions).with(as("community1")), """
				{"agendaItemId":%d,"text":"x","ownerSeatId":%d,"deadline":"%s"}"""
				.formatted(m[1], seats.get(1), districtToday().minusDays(3)), 400);
		long decision = longAt(decide(m[0], m[1], seats.get(1), 201), "$.id");
		send(post("/api/v1/council-decisions/" + decision + "/case").with(as("community1")),
				"{\"categoryCode\":\"\"}", 400);
		send(post("/api/v1/council-decisions/" + decision + "/case").with(as("community1")),
				"{\"categoryCode\":\"Z9999\"}", 400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM council_decision WHERE id = ? AND case_id IS NULL").param(decision)
				.query(Long.class).single()).isEqualTo(1);
		send(post("/api/v1/council-decisions/" + decision + "/progress").with(as("community1")), "{\"note\":\"\"}",
				400);
		send(put("/api/v1/council-meetings/" + m[0] + "/minutes").with(as("community1")), "{\"text\":\"\"}", 400);
		send(put("/api/v1/council-meetings/" + m[0] + "/minutes").with(as("community1")),
				"{\"text\":\"" + "长".repeat(8001) + "\"}", 400);
		mvc.perform(get("/api/v1/council-meetings/999999999").with(as("center"))).andExpect(status().isNotFound());
		// a page form with a bad value comes back with the message, nothing saved
		mvc.perform(post("/council-meetings/" + m[0] + "/minutes").with(as("community1")).param("text", ""))
				.andExpect(status().is3xxRedirection())
				.andExpect(r -> assertThat(r.getFlashMap().get("flashError")).isNotNull());
	}

	/** Today in the district (Asia/Shanghai): from 16:00 UTC on, a day ahead of UTC's date. */
	private static LocalDate districtToday() {
		return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
	}
}
