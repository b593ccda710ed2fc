package org.gridlink.housing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.Role;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rural housing on the demo district: the demo project is surveyed and final; the public board shows no ID number or
 * phone; each role sees its place only; a test project goes from survey to a final list, explained and stable under
 * re-run, refused while an objection is unanswered; bad inputs of every path are refused.
 */
@WebTest
class HousingTest {

	/** An 18-character ID number and a mainland mobile number, as they would appear if leaked. */
	static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])");
	static final Pattern PHONE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	long demo;
	String township;
	List<String> villages;
	/** The demo project's households: 511 on the full demo, fewer where the registry's villages hold fewer. */
	int total;

	@BeforeEach
	void demoProject() {
		demo = jdbc.sql("SELECT MIN(id) FROM housing_project").query(Long.class).single();
		township = jdbc.sql("SELECT township_code FROM housing_project WHERE id = ?").param(demo).query(String.class)
				.single();
		villages = jdbc.sql("SELECT village_code FROM housing_project_village WHERE project_id = ? ORDER BY village_code")
				.param(demo).query(String.class).list();
		total = jdbc.sql("SELECT COUNT(*) FROM housing_household WHERE project_id = ?").param(demo).query(Integer.class)
				.single();
		account("hstreet", Role.STREET, township);
		account("hvillage", Role.COMMUNITY, villages.get(0));
		String grid = jdbc.sql("SELECT MIN(grid_code) FROM housing_household WHERE project_id = ? AND village_code = ?")
				.params(demo, villages.get(0)).query(String.class).single();
		account("hgrid", Role.GRID_WORKER, grid);
	}

	private void account(String name, Role role, String scope) {
		long exists = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(name).query(Long.class).single();
		if (exists == 0) {
			accounts.create(new NewAccount(name, "Housing " + role, "Good-2026-a", Set.of(role), Set.of(scope), null));
		}
	}

	private static String uuid() {
		return UUID.randomUUID().toString();
	}

	@Test
	void theDemoProjectIsSurveyedWithAFinalRankedListOfMaskedNames() {
		assertThat(total).isPositive().isLessThanOrEqualTo(DemoHousingLoader.HOUSEHOLDS);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_household h WHERE h.project_id = ? AND NOT EXISTS (SELECT 1"
				+ " FROM housing_survey s WHERE s.member_id = h.id)").param(demo).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_household WHERE project_id = ? AND list_final = TRUE AND"
				+ " eligible = TRUE AND priority_rank IS NOT NULL").param(demo).query(Long.class).single())
				.isEqualTo((long) total);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT priority_rank) FROM housing_household WHERE project_id = ?")
				.param(demo).query(Long.class).single()).isEqualTo((long) total);
		assertThat(jdbc.sql("SELECT head_masked FROM housing_household WHERE project_id = ?").param(demo)
				.query(String.class).list()).allMatch(n -> n.contains("*"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_household WHERE project_id = ? AND grid_code IS NULL")
				.param(demo).query(Long.class).single()).isZero();
	}

	@Test
	void thePublicBoardOpensWithoutLoginAndShowsNoIdNumberOrPhone() throws Exception {
		String html = mvc.perform(get("/housing/" + demo)).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"housing-board\"")))
				.andExpect(content().string(containsString("data-section=\"eligibility\"")))
				.andExpect(content().string(containsString("data-section=\"objections\"")))
				.andExpect(content().string(containsString("href=\"/report\"")))
				.andExpect(content().string(containsString("为何不在名单内")))
				.andReturn().getResponse().getContentAsString();
		String json = mvc.perform(get("/api/v1/public/housing/" + demo)).andExpect(status().isOk())
				.andExpect(jsonPath("$.sections.eligibility.households", hasSize(total)))
				.andExpect(jsonPath("$.sections.eligibility.state").value("FINAL"))
				.andExpect(jsonPath("$.sections.concern.reportUrl").value("/report"))
				.andReturn().getResponse().getContentAsString();
		for (String text : List.of(html, json)) {
			assertThat(ID_NUMBER.matcher(text).find()).as("an ID number on the board").isFalse();
			assertThat(PHONE.matcher(text).find()).as("a phone on the board").isFalse();
		}
		String first = jdbc.sql("SELECT head_masked FROM housing_household WHERE project_id = ? AND priority_rank = 1")
				.param(demo).query(String.class).single();
		assertThat(html).contains("1. " + first);
		// nothing of a household beyond its masked name and village: not its priority group (income, disability)
		assertThat(json).doesNotContain("priorityGroups", "MINIMUM_ALLOWANCE", "DISABLED_FAMILY", "householdId");
		assertThat(html).doesNotContain("低保户", "残疾人家庭", "低收入户");
		// the board's words, not codes
		assertThat(html).doesNotContain(">FINAL<", ">LOW_INCOME_REGISTERED<");
		mvc.perform(get("/housing/999999")).andExpect(status().isNotFound());
		// the staff pages stay behind the login
		mvc.perform(get("/housing")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/housing/projects")).andExpect(status().isUnauthorized());
	}

	@Test
	void eachRoleSeesItsPlaceOnly() throws Exception {
		mvc.perform(get("/api/v1/housing/projects").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].id", hasItem((int) demo)));
		mvc.perform(get("/api/v1/housing/projects/" + demo + "/households").param("size", "1").with(as("center")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(total));
		mvc.perform(get("/api/v1/housing/projects/" + demo + "/households").param("size", "1").with(as("hstreet")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(total));
		long inVillage = jdbc.sql("SELECT COUNT(*) FROM housing_household WHERE project_id = ? AND village_code = ?")
				.params(demo, villages.get(0)).query(Long.class).single();
		mvc.perform(get("/api/v1/housing/projects/" + demo + "/households").param("size", "500").with(as("hvillage")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value((int) inVillage))
				.andExpect(jsonPath("$.content[0].villageCode").value(villages.get(0)))
				.andExpect(jsonPath("$.content[0].eligible").value(true))
				.andExpect(jsonPath("$.content[0].priorityGroups").isArray())
				.andExpect(jsonPath("$.content[0].reasons[0].text").isString())
				.andExpect(jsonPath("$.content[0].choice").hasJsonPath())
				.andExpect(jsonPath("$.content[0].agreement").hasJsonPath());
		String grid = jdbc.sql("SELECT MIN(grid_code) FROM housing_household WHERE project_id = ? AND village_code = ?")
				.params(demo, villages.get(0)).query(String.class).single();
		long inGrid = jdbc.sql("SELECT COUNT(*) FROM housing_household WHERE project_id = ? AND grid_code = ?")
				.params(demo, grid).query(Long.class).single();
		assertThat(inGrid).isPositive().isLessThan(inVillage);
		mvc.perform(get("/api/v1/housing/projects/" + demo + "/households").param("size", "500").with(as("hgrid")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value((int) inGrid));
		// another township's staff and grid workers do not see the project at all
		mvc.perform(get("/api/v1/housing/projects").with(as("street1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].id", not(hasItem((int) demo))));
		mvc.perform(get("/api/v1/housing/projects/" + demo + "/households").with(as("street1")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/housing/projects/" + demo).with(as("grid1"))).andExpect(status().isNotFound());
		// roles without a place in rural housing are refused
		mvc.perform(get("/housing").with(as("dept1"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/housing/projects").with(as("dept1"))).andExpect(status().isForbidden());
		// pages in words for every staff role that sees the project
		for (String user : List.of("center", "leader", "hstreet", "hvillage", "hgrid")) {
			mvc.perform(get("/housing").with(as(user))).andExpect(status().isOk())
					.andExpect(content().string(containsString("data-project=\"" + demo + "\"")));
			mvc.perform(get("/housing/projects/" + demo).with(as(user))).andExpect(status().isOk())
					.andExpect(content().string(not(containsString(">FINAL<"))))
					.andExpect(content().string(not(containsString("GRADE_UNSAFE"))));
		}
		mvc.perform(get("/housing/projects/" + demo + "/survey").with(as("hgrid"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"housing-survey\"")));
		mvc.perform(get("/housing/projects/" + demo + "/survey").with(as("center"))).andExpect(status().isForbidden());
		mvc.perform(get("/housing/projects/new").with(as("hvillage"))).andExpect(status().isForbidden());
		mvc.perform(get("/housing/projects/new").with(as("hstreet"))).andExpect(status().isOk());
		mvc.perform(get("/housing/projects/" + demo + "/edit").with(as("hstreet"))).andExpect(status().isOk());
		// the final list cannot be surveyed again or re-run
		long member = jdbc.sql("SELECT MIN(id) FROM housing_household WHERE project_id = ? AND grid_code = ?")
				.params(demo, grid).query(Long.class).single();
		mvc.perform(post("/api/v1/housing/projects/" + demo + "/surveys").with(as("hgrid"))
				.contentType(MediaType.APPLICATION_JSON).content(survey(uuid(), member, "true", "\"D\"", "WILLING", 3)))
				.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/housing/projects/" + demo + "/eligibility").with(as("center")))
				.andExpect(status().isConflict());
	}

	private static String survey(String clientId, long household, String hasHouse, String grade, String willing,
			int family) {
		return "{\"clientId\":\"" + clientId + "\",\"householdId\":" + household + ",\"hasHouse\":" + hasHouse
				+ ",\"safetyGrade\":" + grade + ",\"willingness\":\"" + willing + "\",\"familySize\":" + family
				+ ",\"groups\":[],\"specialNeeds\":\"\"}";
	}

	/** A project over one village, made by the township through the API. */
	private long newProject(String village) throws Exception {
		String body = "{\"name\":\"测试项目" + uuid().substring(0, 6) + "\",\"townshipCode\":\"" + township
				+ "\",\"villageCodes\":[\"" + village + "\"],\"budgetYuan\":1000000,\"handOverOn\":\""
				+ LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(200) + "\",\"sites\":[{\"name\":\"测试安置点\","
				+ "\"villageCode\":\"" + village + "\",\"buildings\":2,\"plots\":40}]}";
		String created = mvc.perform(post("/api/v1/housing/projects").with(as("hstreet"))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
				.andExpect(jsonPath("$.sites", hasSize(1)))
				.andReturn().getResponse().getContentAsString();
		return Long.parseLong(created.replaceAll("(?s).*?\"summary\":\\{\"id\":(\\d+).*", "$1"));
	}

	@Test
	void aListIsSurveyedExplainedStableAndMadeFinalOnlyWithEveryObjectionAnswered() throws Exception {
		String village = villages.get(villages.size() - 1);
		long project = newProject(village);
		List<Long> members = jdbc.sql("SELECT id FROM housing_household WHERE project_id = ? ORDER BY id LIMIT 4")
				.param(project).query(Long.class).list();
		assertThat(members).hasSize(4);
		String api = "/api/v1/housing/projects/" + project;
		// a survey once per client id: the resend answers 200 with the same survey
		String client = uuid();
		long before = jdbc.sql("SELECT COUNT(*) FROM housing_survey WHERE project_id = ?").param(project)
				.query(Long.class).single();
		mvc.perform(post(api + "/surveys").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content(survey(client, members.get(0), "true", "\"D\"", "WILLING", 4))).andExpect(status().isCreated());
		mvc.perform(post(api + "/surveys").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content(survey(client, members.get(0), "true", "\"D\"", "WILLING", 4))).andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_survey WHERE project_id = ?").param(project)
				.query(Long.class).single()).isEqualTo(before + 1);
		mvc.perform(post(api + "/surveys").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content(survey(uuid(), members.get(1), "false", "null", "WILLING", 2).replace("[]",
						"[\"LOW_INCOME_REGISTERED\"]"))).andExpect(status().isCreated());
		mvc.perform(post(api + "/surveys").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content(survey(uuid(), members.get(2), "true", "\"A\"", "WILLING", 2))).andExpect(status().isCreated());
		mvc.perform(post(api + "/surveys").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content(survey(uuid(), members.get(3), "true", "\"C\"", "UNWILLING", 5))).andExpect(status().isCreated());
		// the rules: groups only go first (so that the unsafe house without a group is eligible, explained)
		mvc.perform(put(api + "/rules").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"priorityGroups\":[\"LOW_INCOME_REGISTERED\",\"MINIMUM_ALLOWANCE\"],"
						+ "\"unsafeGrades\":[\"C\",\"D\"],\"groupRequired\":false}")).andExpect(status().isOk());
		mvc.perform(post(api + "/eligibility").with(as("hstreet"))).andExpect(status().isOk());
		List<String> firstRun = results(project);
		mvc.perform(post(api + "/eligibility").with(as("hstreet"))).andExpect(status().isOk());
		assertThat(results(project)).as("same facts, same result and order").isEqualTo(firstRun);
		assertThat(firstRun.get(0)).startsWith(members.get(1) + ":true:1");
		mvc.perform(get(api + "/households").param("eligible", "true").param("size", "10").with(as("hstreet")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.content[0].id").value(members.get(1)))
				.andExpect(jsonPath("$.content[0].priorityGroups[0]").value("LOW_INCOME_REGISTERED"))
				.andExpect(jsonPath("$.content[0].reasons[*].rule", hasItem("NO_HOUSE")))
				.andExpect(jsonPath("$.content[0].reasons[*].fact", hasItem("LOW_INCOME_REGISTERED@SURVEY")))
				.andExpect(jsonPath("$.content[0].reasons[*].text", hasItem(containsString("低收入户"))))
				.andExpect(jsonPath("$.content[0].choice").value((Object) null));
		mvc.perform(get(api + "/households").param("eligible", "false").param("size", "500").with(as("hstreet")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.content[?(@.id == " + members.get(2) + ")].reasons[*].rule", hasItem("GRADE_SAFE")))
				.andExpect(jsonPath("$.content[?(@.id == " + members.get(3) + ")].reasons[*].rule", hasItem("UNWILLING")));
		// nothing public before the notice period
		mvc.perform(get("/api/v1/public/housing/" + project)).andExpect(status().isOk())
				.andExpect(jsonPath("$.sections.eligibility.households", hasSize(0)));
		// the notice period (already over) and an objection: not final while it is unanswered
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		mvc.perform(post(api + "/final").with(as("hstreet"))).andExpect(status().isConflict());
		mvc.perform(post(api + "/notice").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"startsOn\":\"" + today.minusDays(12) + "\",\"endsOn\":\"" + today.minusDays(5) + "\"}"))
				.andExpect(status().isNoContent());
		String objection = mvc.perform(post(api + "/objections").with(as("hvillage")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"householdId\":" + members.get(2) + ",\"text\":\"我家房屋墙体开裂，应为 C 级\",\"raisedOn\":\""
						+ today + "\"}"))
				.andReturn().getResponse().getContentAsString();
		// hvillage's village is the demo's first; the test project is over the last village: out of its area
		assertThat(objection).doesNotContain("\"id\"");
		String recorded = mvc.perform(post(api + "/objections").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"householdId\":" + members.get(2) + ",\"text\":\"我家房屋墙体开裂，应为 C 级\",\"raisedOn\":\""
						+ today + "\"}")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long objectionId = Long.parseLong(recorded.replaceAll("\\D", ""));
		mvc.perform(post(api + "/final").with(as("hstreet"))).andExpect(status().isConflict())
				.andExpect(jsonPath("$.message", containsString("1")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_household WHERE project_id = ? AND list_final = TRUE")
				.param(project).query(Long.class).single()).isZero();
		mvc.perform(get("/api/v1/public/housing/" + project)).andExpect(status().isOk())
				.andExpect(jsonPath("$.sections.eligibility.state").value("NOTICE_ENDED"))
				.andExpect(jsonPath("$.sections.objections.objections[0].answer").value((Object) null));
		mvc.perform(post("/api/v1/housing/objections/" + objectionId + "/answer").with(as("hvillage"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"已复核\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/housing/objections/" + objectionId + "/answer").with(as("hstreet"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"经复核为 B 级，维持原结论。\"}"))
				.andExpect(status().isNoContent());
		mvc.perform(post(api + "/final").with(as("hstreet"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.ranked").value(2));
		assertThat(jdbc.sql("SELECT id || ':' || priority_rank FROM housing_household WHERE project_id = ? AND"
				+ " list_final = TRUE AND priority_rank IS NOT NULL ORDER BY priority_rank").param(project)
				.query(String.class).list()).containsExactly(members.get(1) + ":1", members.get(0) + ":2");
		mvc.perform(post(api + "/eligibility").with(as("hstreet"))).andExpect(status().isConflict());
		mvc.perform(post(api + "/final").with(as("hstreet"))).andExpect(status().isConflict());
		String board = mvc.perform(get("/housing/" + project)).andExpect(status().isOk())
				.andExpect(content().string(containsString("经复核为 B 级")))
				.andReturn().getResponse().getContentAsString();
		assertThat(ID_NUMBER.matcher(board).find() || PHONE.matcher(board).find()).isFalse();
	}

	private List<String> results(long project) {
		return jdbc.sql("SELECT member_id, eligible, list_place, reasons, group_codes FROM housing_result WHERE"
				+ " project_id = ? ORDER BY CASE WHEN list_place IS NULL THEN 1 ELSE 0 END, list_place, member_id")
				.param(project).query((rs, i) -> rs.getLong(1) + ":" + rs.getBoolean(2) + ":" + rs.getObject(3) + ":"
						+ rs.getString(4) + ":" + rs.getString(5)).list();
	}

	@Test
	void badInputsAreRefusedOnEveryPath() throws Exception {
		String village = villages.get(villages.size() - 1);
		long project = newProject(village);
		long member = jdbc.sql("SELECT MIN(id) FROM housing_household WHERE project_id = ?").param(project)
				.query(Long.class).single();
		long otherProjectMember = jdbc.sql("SELECT MIN(id) FROM housing_household WHERE project_id = ?").param(demo)
				.query(Long.class).single();
		String api = "/api/v1/housing/projects/" + project;
		long before = jdbc.sql("SELECT COUNT(*) FROM housing_survey").query(Long.class).single();
		for (String bad : List.of(survey("not-a-uuid", member, "true", "\"D\"", "WILLING", 3),
				survey(uuid(), member, "null", "\"D\"", "WILLING", 3),
				survey(uuid(), member, "false", "\"D\"", "WILLING", 3),
				survey(uuid(), member, "true", "null", "WILLING", 3),
				survey(uuid(), member, "true", "\"E\"", "WILLING", 3),
				survey(uuid(), member, "true", "\"C\"", "MAYBE", 3),
				survey(uuid(), member, "true", "\"C\"", "WILLING", 0),
				survey(uuid(), member, "true", "\"C\"", "WILLING", 31),
				survey(uuid(), member, "true", "\"C\"", "WILLING", 3).replace("[]", "[\"RICH\"]"),
				survey(uuid(), member, "true", "\"C\"", "WILLING", 3).replace("\"specialNeeds\":\"\"",
						"\"specialNeeds\":\"" + "x".repeat(501) + "\""))) {
			mvc.perform(post(api + "/surveys").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON).content(bad))
					.andExpect(status().isBadRequest());
		}
		mvc.perform(post(api + "/surveys").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content(survey(uuid(), otherProjectMember, "true", "\"C\"", "WILLING", 3))).andExpect(status().isNotFound());
		mvc.perform(post(api + "/surveys").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON).content("{"))
				.andExpect(status().isBadRequest());
		mvc.perform(post(api + "/surveys").with(as("center")).contentType(MediaType.APPLICATION_JSON)
				.content(survey(uuid(), member, "true", "\"C\"", "WILLING", 3))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_survey").query(Long.class).single()).isEqualTo(before);
		// project API
		String good = "\"townshipCode\":\"" + township + "\",\"villageCodes\":[\"" + village + "\"],\"budgetYuan\":1,"
				+ "\"handOverOn\":\"" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30) + "\"";
		for (String bad : List.of("{\"name\":\"\"," + good + "}", "{\"name\":\"x\"," + good.replace(township, "320819001000") + "}",
				"{\"name\":\"x\"," + good.replace("[\"" + village + "\"]", "[]") + "}",
				"{\"name\":\"x\"," + good.replace("\"budgetYuan\":1", "\"budgetYuan\":-1") + "}",
				"{\"name\":\"x\"," + good.replace("plusDays", "").replaceAll("\"handOverOn\":\"[^\"]*\"", "\"handOverOn\":\"2000-01-01\"") + "}",
				"{\"name\":\"x\"," + good + ",\"sites\":[{\"name\":\"\",\"villageCode\":\"" + village + "\",\"buildings\":1,\"plots\":1}]}",
				"{\"name\":\"x\"," + good + ",\"sites\":[{\"name\":\"s\",\"villageCode\":\"" + village + "\",\"buildings\":0,\"plots\":1}]}")) {
			mvc.perform(post("/api/v1/housing/projects").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
					.content(bad)).andExpect(status().isBadRequest());
		}
		mvc.perform(post("/api/v1/housing/projects").with(as("hvillage")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\"," + good + "}")).andExpect(status().isForbidden());
		mvc.perform(get(api + "/households").param("size", "0").with(as("hstreet"))).andExpect(status().isBadRequest());
		mvc.perform(get(api + "/households").param("size", "501").with(as("hstreet"))).andExpect(status().isBadRequest());
		// rules, notice, objections
		mvc.perform(put(api + "/rules").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"priorityGroups\":[\"NOPE\"],\"unsafeGrades\":[\"C\"]}")).andExpect(status().isBadRequest());
		mvc.perform(put(api + "/rules").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"priorityGroups\":[],\"unsafeGrades\":[\"C\"],\"groupRequired\":true}"))
				.andExpect(status().isBadRequest());
		mvc.perform(put(api + "/rules").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"priorityGroups\":[\"MINIMUM_ALLOWANCE\"],\"unsafeGrades\":[\"Z\"]}"))
				.andExpect(status().isBadRequest());
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		mvc.perform(post(api + "/notice").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today.plusDays(7) + "\"}"))
				.andExpect(status().isConflict()); // not run yet
		mvc.perform(post(api + "/eligibility").with(as("hstreet"))).andExpect(status().isOk());
		mvc.perform(post(api + "/notice").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today.minusDays(1) + "\"}"))
				.andExpect(status().isBadRequest());
		mvc.perform(post(api + "/objections").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"villageCode\":\"" + village + "\",\"text\":\"早了\",\"raisedOn\":\"" + today + "\"}"))
				.andExpect(status().isConflict()); // no notice yet
		mvc.perform(post(api + "/notice").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today.plusDays(7) + "\"}"))
				.andExpect(status().isNoContent());
		for (String bad : List.of("{\"villageCode\":\"" + village + "\",\"text\":\"请联系 13912345678\",\"raisedOn\":\"" + today + "\"}",
				"{\"villageCode\":\"" + village + "\",\"text\":\"身份证 110101199003071234\",\"raisedOn\":\"" + today + "\"}",
				"{\"villageCode\":\"" + village + "\",\"text\":\"\",\"raisedOn\":\"" + today + "\"}",
				"{\"villageCode\":\"" + village + "\",\"text\":\"ok\",\"raisedOn\":\"" + today.plusDays(1) + "\"}",
				"{\"villageCode\":\"320819001001\",\"text\":\"ok\",\"raisedOn\":\"" + today + "\"}")) {
			mvc.perform(post(api + "/objections").with(as("hstreet")).contentType(MediaType.APPLICATION_JSON).content(bad))
					.andExpect(status().isBadRequest());
		}
		mvc.perform(post(api + "/final").with(as("hstreet"))).andExpect(status().isConflict()); // notice not over
		// the forms answer with their errors in words
		mvc.perform(post("/housing/projects").with(as("hstreet")).param("name", "").param("townshipCode", township)
				.param("budgetYuan", "abc").param("handOverOn", "tomorrow")).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"error-summary\"")))
				.andExpect(content().string(containsString("整数元")));
		mvc.perform(post("/housing/projects/" + project + "/notice").with(as("hstreet")).param("startsOn", "x")
				.param("endsOn", "y")).andExpect(status().is3xxRedirection())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
						.attributeExists("flashError"));
		mvc.perform(post("/housing/projects/" + project + "/objections").with(as("hstreet")).param("householdId", "abc")
				.param("text", "t").param("raisedOn", today.toString())).andExpect(status().is3xxRedirection())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
						.attributeExists("flashError"));
	}

	@Test
	void aProjectIsCreatedAndEditedThroughItsForm() throws Exception {
		String village = villages.get(0);
		String location = mvc.perform(post("/housing/projects").with(as("hstreet")).param("name", "表单项目")
				.param("townshipCode", township).param("villageCodes", village).param("budgetYuan", "500000")
				.param("handOverOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(90).toString())
				.param("siteId", "").param("siteName", "东区").param("siteVillage", village).param("siteAddress", "村东")
				.param("siteBuildings", "3").param("sitePlots", "30")
				.param("siteId", "").param("siteName", "").param("siteVillage", village).param("siteAddress", "")
				.param("siteBuildings", "1").param("sitePlots", "0"))
				.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.replaceAll("\\D", ""));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_site WHERE project_id = ?").param(id).query(Long.class)
				.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_household WHERE project_id = ?").param(id).query(Long.class)
				.single()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM housing_household WHERE project_id = ? AND"
						+ " village_code = ?").params(demo, village).query(Long.class).single());
		mvc.perform(get("/housing/projects/" + id + "/edit").with(as("hstreet"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("东区")));
		mvc.perform(post("/housing/projects/" + id).with(as("center")).param("name", "表单项目（改）")
				.param("townshipCode", township).param("villageCodes", village).param("budgetYuan", "600000")
				.param("handOverOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(100).toString()))
				.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT budget_fen FROM housing_project WHERE id = ?").param(id).query(Long.class).single())
				.isEqualTo(60_000_000L);
		mvc.perform(post("/housing/projects/" + id).with(as("hvillage")).param("name", "x"))
				.andExpect(status().isForbidden());
	}
}
