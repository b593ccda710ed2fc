package org.gridlink.housing.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;

import org.gridlink.cases.CaseEvents.CaseClosed;
import org.gridlink.housing.HousingBoardSection;
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
import org.springframework.test.web.servlet.ResultActions;

/**
 * Construction over MockMvc on the demo project: the schedule runs back from the hand-over date and moves with it, a
 * site problem opens exactly one case (also when the phone resends) and stays on the chart until the case closes,
 * each role sees its own sites only, and bad input is refused on every input path.
 */
@WebTest
class ConstructionTest {

	static final String OTHER_MANAGER = "sitetest";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	ProblemCases problemCases;

	@Autowired
	List<HousingBoardSection> sections;

	long project;
	List<Long> sites;

	@BeforeEach
	void demoProject() {
		project = jdbc.sql("SELECT MIN(id) FROM housing_project").query(Long.class).single();
		sites = jdbc.sql("SELECT id FROM housing_site WHERE project_id = ? ORDER BY id").param(project).query(Long.class)
				.list();
		if (accounts.find(OTHER_MANAGER).isEmpty()) {
			accounts.createDemoAccounts(List.of(new NewAccount(OTHER_MANAGER, "测试负责人", "Demo#2026",
					Set.of(Role.SITE_MANAGER), Set.of(), null)), "Demo#2026");
			jdbc.sql("INSERT INTO housing_site_manager (site_id, username) VALUES (?, ?)").params(sites.get(1),
					OTHER_MANAGER).update();
		}
	}

	ResultActions send(String user, String method, String url, String json) throws Exception {
		var request = switch (method) {
			case "PUT" -> put(url);
			default -> post(url);
		};
		return mvc.perform(request.with(as(user)).header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
				.content(json));
	}

	static String uuid() {
		return UUID.randomUUID().toString();
	}

	static String png() throws Exception {
		BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(img, "png", out);
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
	}

	@Test
	void theScheduleRunsBackFromTheHandOverDateAndMovesWithIt() throws Exception {
		LocalDate handOver = jdbc.sql("SELECT hand_over_on FROM housing_project WHERE id = ?").param(project)
				.query(LocalDate.class).single();
		String url = "/api/v1/housing/projects/" + project + "/schedule";
		String json = mvc.perform(get(url).with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.sites.length()").value(sites.size()))
				.andExpect(jsonPath("$.sites[0].rows[0].milestones.length()").value(6))
				.andExpect(jsonPath("$.sites[0].rows[0].milestones[5].kind").value("ACCEPTANCE"))
				.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(json, "$.sites[0].rows[0].milestones[5].plannedEnd"))
				.isEqualTo(handOver.toString());
		// each milestone ends where the next begins
		List<String> starts = JsonPath.read(json, "$.sites[0].rows[0].milestones[*].plannedStart");
		List<String> ends = JsonPath.read(json, "$.sites[0].rows[0].milestones[*].plannedEnd");
		for (int i = 1; i < 6; i++) {
			assertThat(starts.get(i)).isEqualTo(ends.get(i - 1));
		}
		// the demo: the first site's foundations and structures are reached; the third site has late foundations
		assertThat(JsonPath.<String>read(json, "$.sites[0].rows[0].milestones[1].reachedOn")).isNotNull();
		assertThat(JsonPath.<List<Boolean>>read(json, "$.sites[2].rows[*].milestones[0].late")).contains(true);

		try {
			jdbc.sql("UPDATE housing_project SET hand_over_on = ? WHERE id = ?").params(handOver.plusDays(30), project)
					.update();
			String moved = mvc.perform(get(url).with(as("center"))).andExpect(status().isOk()).andReturn().getResponse()
					.getContentAsString();
			List<String> movedStarts = JsonPath.read(moved, "$.sites[0].rows[0].milestones[*].plannedStart");
			for (int i = 0; i < 6; i++) {
				assertThat(LocalDate.parse(movedStarts.get(i))).isEqualTo(LocalDate.parse(starts.get(i)).plusDays(30));
			}
		}
		finally {
			jdbc.sql("UPDATE housing_project SET hand_over_on = ? WHERE id = ?").params(handOver, project).update();
		}
	}

	@Test
	void durationsPerSiteAndBuildingMoveOnlyTheirPlannedDates() throws Exception {
		long site = sites.get(2);
		String url = "/api/v1/housing/projects/" + project + "/schedule?site=" + site;
		String before = mvc.perform(get(url).with(as("center"))).andReturn().getResponse().getContentAsString();
		send("center", "PUT", "/api/v1/housing/projects/" + project + "/durations",
				"{\"siteId\":" + site + ",\"building\":2,\"days\":{\"ACCEPTANCE\":25}}").andExpect(status().isNoContent());
		try {
			String after = mvc.perform(get(url).with(as("center"))).andReturn().getResponse().getContentAsString();
			// building 2: acceptance starts 25 days before the hand-over, so everything before it 10 days earlier
			assertThat(LocalDate.parse(JsonPath.read(after, "$.sites[0].rows[1].milestones[0].plannedStart")))
					.isEqualTo(LocalDate.parse(JsonPath.read(before, "$.sites[0].rows[1].milestones[0].plannedStart"))
							.minusDays(10));
			assertThat(JsonPath.<String>read(after, "$.sites[0].rows[0].milestones[0].plannedStart"))
					.isEqualTo(JsonPath.<String>read(before, "$.sites[0].rows[0].milestones[0].plannedStart"));
		}
		finally {
			jdbc.sql("DELETE FROM housing_milestone_duration WHERE project_id = ? AND site_id = ? AND building = 2")
					.params(project, site).update();
		}
		// bad durations, wrong site, and roles that do not plan
		String durations = "/api/v1/housing/projects/" + project + "/durations";
		send("center", "PUT", durations, "{\"days\":{\"ROOF\":0}}").andExpect(status().isBadRequest());
		send("center", "PUT", durations, "{\"days\":{\"ROOF\":400}}").andExpect(status().isBadRequest());
		send("center", "PUT", durations, "{\"days\":{\"PAINTING\":4}}").andExpect(status().isBadRequest());
		send("center", "PUT", durations, "{\"days\":{}}").andExpect(status().isBadRequest());
		send("center", "PUT", durations, "{\"siteId\":999999,\"days\":{\"ROOF\":4}}").andExpect(status().isBadRequest());
		send("center", "PUT", durations, "{\"siteId\":" + site + ",\"building\":99,\"days\":{\"ROOF\":4}}")
				.andExpect(status().isBadRequest());
		send("site1", "PUT", durations, "{\"days\":{\"ROOF\":4}}").andExpect(status().isForbidden());
		send("street1", "PUT", durations, "{\"days\":{\"ROOF\":4}}").andExpect(status().isNotFound());
	}

	@Test
	void aSiteProblemOpensExactlyOneCaseAndStaysOnTheChartUntilItCloses() throws Exception {
		long site = sites.get(0);
		String clientId = uuid();
		String body = "{\"clientId\":\"" + clientId + "\",\"building\":2,\"kind\":\"SAFETY\",\"description\":\"塔吊限位失灵\"}";
		long casesBefore = jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single();
		String first = send("site1", "POST", "/api/v1/housing/sites/" + site + "/problems", body)
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long caseId = ((Number) JsonPath.read(first, "$.caseId")).longValue();
		long problemId = ((Number) JsonPath.read(first, "$.id")).longValue();
		// the phone resends (a lost answer): the same problem and case
		send("site1", "POST", "/api/v1/housing/sites/" + site + "/problems", body).andExpect(status().isOk())
				.andExpect(jsonPath("$.caseId").value(caseId)).andExpect(jsonPath("$.id").value(problemId));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_site_problem WHERE client_id = ?").param(clientId)
				.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file WHERE id = ?").param(caseId).query(Long.class).single())
				.isEqualTo(1);
		// the case went to the housing and construction bureau (the demo's unit U16) under the dangerous-building class
		assertThat(jdbc.sql("SELECT u.code FROM case_file c JOIN unit u ON u.id = c.lead_unit_id WHERE c.id = ?")
				.param(caseId).query(String.class).single()).isEqualTo("U16");
		assertThat(jdbc.sql("SELECT category_code FROM case_file WHERE id = ?").param(caseId).query(String.class)
				.single()).isEqualTo("S0502");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file").query(Long.class).single() - casesBefore)
				.isLessThanOrEqualTo(1);
		// open on the chart, with the same-day target
		String open = mvc.perform(get("/api/v1/housing/projects/" + project + "/problems?open=true").with(as("site1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<Integer>>read(open, "$[*].id")).contains((int) problemId);
		assertThat(JsonPath.<List<String>>read(open, "$[?(@.id == " + problemId + ")].dueOn").get(0))
				.isEqualTo(JsonPath.<List<String>>read(open, "$[?(@.id == " + problemId + ")].raisedOn").get(0));
		mvc.perform(get("/construction/sites/" + site).with(as("site1"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("塔吊限位失灵")));
		// the case closes: the problem leaves the chart (and a repeated event changes nothing)
		// the listener is asynchronous (an application module listener): wait for its effect, not a time
		problemCases.on(new CaseClosed(caseId, true));
		problemCases.on(new CaseClosed(caseId, true));
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
			String after = mvc.perform(get("/api/v1/housing/projects/" + project + "/problems?open=true")
					.with(as("site1"))).andReturn().getResponse().getContentAsString();
			assertThat(JsonPath.<List<Integer>>read(after, "$[*].id")).doesNotContain((int) problemId);
		});
		mvc.perform(get("/construction/sites/" + site).with(as("site1")))
				.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("塔吊限位失灵"))));
		// bad problems
		String problems = "/api/v1/housing/sites/" + site + "/problems";
		send("site1", "POST", problems, "{\"clientId\":\"" + uuid() + "\",\"kind\":\"ALIENS\",\"description\":\"x\"}")
				.andExpect(status().isBadRequest());
		send("site1", "POST", problems, "{\"clientId\":\"" + uuid() + "\",\"kind\":\"WASTE\",\"description\":\" \"}")
				.andExpect(status().isBadRequest());
		send("site1", "POST", problems, "{\"clientId\":\"" + uuid() + "\",\"kind\":\"WASTE\",\"description\":\""
				+ "长".repeat(1001) + "\"}").andExpect(status().isBadRequest());
		send("site1", "POST", problems, "{\"clientId\":\"x\",\"kind\":\"WASTE\",\"description\":\"垃圾\"}")
				.andExpect(status().isBadRequest());
		send("site1", "POST", problems, "{\"clientId\":\"" + uuid() + "\",\"building\":0,\"kind\":\"WASTE\","
				+ "\"description\":\"垃圾\"}").andExpect(status().isBadRequest());
		// the same client id on another site is not a resend
		send("site1", "POST", "/api/v1/housing/sites/" + sites.get(1) + "/problems", body)
				.andExpect(status().isBadRequest());
	}

	@Test
	void dailyReportsOncePerClientIdWithPhotosAndBadInputRefused() throws Exception {
		long site = sites.get(1);
		String url = "/api/v1/housing/sites/" + site + "/daily-reports";
		String clientId = uuid();
		String body = "{\"clientId\":\"" + clientId + "\",\"building\":3,\"percent\":42,\"workers\":35,\"note\":\"主体三层\","
				+ "\"photos\":[\"" + png() + "\"],\"reached\":\"STRUCTURE\"}";
		String first = send("site1", "POST", url, body).andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString();
		long id = ((Number) JsonPath.read(first, "$.id")).longValue();
		send("site1", "POST", url, body).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_daily_report WHERE client_id = ?").param(clientId)
				.query(Long.class).single()).isEqualTo(1);
		// the milestone reached is on the schedule
		mvc.perform(get("/api/v1/housing/projects/" + project + "/schedule?site=" + site).with(as("site1")))
				.andExpect(jsonPath("$.sites[0].rows[2].milestones[1].reachedOn").isNotEmpty())
				.andExpect(jsonPath("$.sites[0].rows[2].percent").value(42));
		// the photo is public, without metadata
		long photo = ((Number) JsonPath.read(first, "$.photoIds[0]")).longValue();
		mvc.perform(get("/api/v1/public/housing-photos/" + photo)).andExpect(status().isOk())
				.andExpect(content().contentType("image/png"));
		mvc.perform(get("/api/v1/public/housing-photos/999999999")).andExpect(status().isNotFound());

		for (String bad : List.of("\"percent\":101,\"workers\":3", "\"percent\":-1,\"workers\":3",
				"\"percent\":10,\"workers\":-2", "\"percent\":10,\"workers\":99999", "\"workers\":3",
				"\"percent\":10,\"workers\":3,\"building\":99", "\"percent\":10,\"workers\":3,\"reached\":\"PAINT\"",
				"\"percent\":10,\"workers\":3,\"reached\":\"ROOF\"",
				"\"percent\":10,\"workers\":3,\"day\":\"2020-01-01\"",
				"\"percent\":10,\"workers\":3,\"day\":\"" + LocalDate.now().plusDays(3) + "\"",
				"\"percent\":10,\"workers\":3,\"note\":\"" + "长".repeat(1001) + "\"",
				"\"percent\":10,\"workers\":3,\"photos\":[\"data:image/png;base64,AAAA\"]",
				"\"percent\":10,\"workers\":3,\"photos\":[\"http://example.com/x.png\"]",
				"\"percent\":10,\"workers\":3,\"photos\":[\"data:image/png;base64,!!!\"]")) {
			send("site1", "POST", url, "{\"clientId\":\"" + uuid() + "\"," + bad + "}").andExpect(status().isBadRequest());
		}
		String many = "\"" + png() + "\"";
		send("site1", "POST", url, "{\"clientId\":\"" + uuid() + "\",\"percent\":1,\"workers\":1,\"photos\":[" + many
				+ "," + many + "," + many + "," + many + "]}").andExpect(status().isBadRequest());
		send("site1", "POST", url, "{\"percent\":1,\"workers\":1}").andExpect(status().isBadRequest());
		send("site1", "POST", url, "not json").andExpect(status().isBadRequest());
		// milestones by the API: bad kind, future date
		String milestones = "/api/v1/housing/sites/" + site + "/milestones";
		send("site1", "POST", milestones, "{\"building\":1,\"kind\":\"NOPE\"}").andExpect(status().isBadRequest());
		send("site1", "POST", milestones, "{\"building\":1,\"kind\":\"ROOF\",\"reachedOn\":\""
				+ LocalDate.now().plusDays(5) + "\"}").andExpect(status().isBadRequest());
		send("site1", "POST", milestones, "{\"kind\":\"ROOF\"}").andExpect(status().isBadRequest());
	}

	@Test
	void eachRoleSeesItsOwnSitesOnly() throws Exception {
		String schedule = "/api/v1/housing/projects/" + project + "/schedule";
		mvc.perform(get(schedule).with(as("site1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.sites.length()").value(sites.size()));
		// a site manager of the second site alone
		mvc.perform(get(schedule).with(as(OTHER_MANAGER))).andExpect(status().isOk())
				.andExpect(jsonPath("$.sites.length()").value(1)).andExpect(jsonPath("$.sites[0].siteId").value(sites.get(1)));
		mvc.perform(get(schedule + "?site=" + sites.get(0)).with(as(OTHER_MANAGER))).andExpect(status().isNotFound());
		send(OTHER_MANAGER, "POST", "/api/v1/housing/sites/" + sites.get(0) + "/daily-reports",
				"{\"clientId\":\"" + uuid() + "\",\"percent\":1,\"workers\":1}").andExpect(status().isNotFound());
		send(OTHER_MANAGER, "POST", "/api/v1/housing/sites/" + sites.get(0) + "/problems",
				"{\"clientId\":\"" + uuid() + "\",\"kind\":\"WASTE\",\"description\":\"x\"}").andExpect(status().isNotFound());
		mvc.perform(get("/construction/sites/" + sites.get(0)).with(as(OTHER_MANAGER))).andExpect(status().isNotFound());
		mvc.perform(get("/construction/sites/" + sites.get(1)).with(as(OTHER_MANAGER))).andExpect(status().isOk());
		// site managers keep to their sites: no books, no job seekers
		mvc.perform(get("/api/v1/housing/projects/" + project + "/spending").with(as(OTHER_MANAGER)))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/housing/projects/" + project + "/jobs").with(as("site1")))
				.andExpect(status().isForbidden());
		// staff of another street and a grid worker elsewhere do not see the project
		mvc.perform(get(schedule).with(as("street1"))).andExpect(status().isNotFound());
		mvc.perform(get(schedule).with(as("grid1"))).andExpect(status().isNotFound());
		mvc.perform(get("/construction/projects/" + project).with(as("street1"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/housing/projects/" + project + "/problems").with(as("street1")))
				.andExpect(status().isNotFound());
		// the district sees everything; an inspector inspects
		mvc.perform(get("/api/v1/housing/projects/" + project + "/jobs").with(as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.sessions.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)));
		String inspections = "/api/v1/housing/sites/" + sites.get(0) + "/inspections";
		send("inspector1", "POST", inspections, "{\"clientId\":\"" + uuid() + "\",\"kind\":\"SAFETY\",\"findings\":["
				+ "{\"item\":\"HELMETS\",\"passed\":true},{\"item\":\"SCAFFOLD\",\"passed\":false,\"note\":\"缺拉结\"}]}")
				.andExpect(status().isCreated());
		send("site1", "POST", inspections, "{\"clientId\":\"" + uuid() + "\",\"kind\":\"SAFETY\",\"findings\":["
				+ "{\"item\":\"HELMETS\",\"passed\":true}]}").andExpect(status().isForbidden());
		send("inspector1", "POST", inspections, "{\"clientId\":\"" + uuid() + "\",\"kind\":\"SAFETY\",\"findings\":["
				+ "{\"item\":\"REBAR\",\"passed\":true}]}").andExpect(status().isBadRequest());
		send("inspector1", "POST", inspections, "{\"clientId\":\"" + uuid() + "\",\"kind\":\"FUN\",\"findings\":["
				+ "{\"item\":\"HELMETS\",\"passed\":true}]}").andExpect(status().isBadRequest());
		send("inspector1", "POST", inspections, "{\"clientId\":\"" + uuid() + "\",\"kind\":\"SAFETY\",\"findings\":[]}")
				.andExpect(status().isBadRequest());
	}

	@Test
	void moneyWorksAndTrainingAreKeptByTheDistrictAndBadInputRefused() throws Exception {
		long item = jdbc.sql("SELECT MIN(id) FROM housing_budget_item WHERE project_id = ?").param(project)
				.query(Long.class).single();
		long before = jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM housing_spending WHERE item_id = ?").param(item)
				.query(Long.class).single();
		String spend = "/api/v1/housing/budget-items/" + item + "/spending";
		send("center", "POST", spend, "{\"amountFen\":123456,\"note\":\"进度款\"}").andExpect(status().isCreated());
		assertThat(jdbc.sql("SELECT SUM(amount_fen) FROM housing_spending WHERE item_id = ?").param(item)
				.query(Long.class).single() - before).isEqualTo(123456);
		send("center", "POST", spend, "{\"amountFen\":0}").andExpect(status().isBadRequest());
		send("center", "POST", spend, "{}").andExpect(status().isBadRequest());
		send("center", "POST", spend, "{\"amountFen\":5,\"spentOn\":\"" + LocalDate.now().plusDays(9) + "\"}")
				.andExpect(status().isBadRequest());
		send("site1", "POST", spend, "{\"amountFen\":5}").andExpect(status().isForbidden());
		send("center", "POST", "/api/v1/housing/budget-items/999999/spending", "{\"amountFen\":5}")
				.andExpect(status().isNotFound());

		long work = jdbc.sql("SELECT MIN(id) FROM housing_supporting_work WHERE project_id = ? AND site_id IS NOT NULL")
				.param(project).query(Long.class).single();
		send("site1", "PUT", "/api/v1/housing/supporting-works/" + work, "{\"percent\":85}").andExpect(status().isOk())
				.andExpect(jsonPath("$.percent").value(85));
		send("site1", "PUT", "/api/v1/housing/supporting-works/" + work, "{\"percent\":185}")
				.andExpect(status().isBadRequest());
		send(OTHER_MANAGER, "PUT", "/api/v1/housing/supporting-works/" + work, "{\"percent\":5}")
				.andExpect(status().isNotFound());

		long household = jdbc.sql("SELECT MIN(id) FROM housing_household WHERE project_id = ?").param(project)
				.query(Long.class).single();
		String seekers = "/api/v1/housing/projects/" + project + "/job-seekers";
		String registered = send("center", "POST", seekers, "{\"householdId\":" + household
				+ ",\"name\":\"王小明\",\"wants\":\"BOTH\",\"skill\":\"电焊\"}").andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(registered, "$.memberMasked")).isNotEqualTo("王小明").startsWith("王");
		assertThat(registered).doesNotContain("小明");
		send("center", "POST", seekers, "{\"householdId\":999999999,\"name\":\"王\",\"wants\":\"WORK\"}")
				.andExpect(status().isBadRequest());
		send("center", "POST", seekers, "{\"householdId\":" + household + ",\"name\":\"王\",\"wants\":\"FUN\"}")
				.andExpect(status().isBadRequest());
		send("center", "POST", seekers, "{\"householdId\":" + household + ",\"name\":\" \",\"wants\":\"WORK\"}")
				.andExpect(status().isBadRequest());
		send("site1", "POST", seekers, "{\"householdId\":" + household + ",\"name\":\"王\",\"wants\":\"WORK\"}")
				.andExpect(status().isForbidden());
		long seeker = ((Number) JsonPath.read(registered, "$.id")).longValue();
		send("center", "POST", "/api/v1/housing/projects/" + project + "/training-sessions",
				"{\"title\":\"砌筑工培训\",\"attendees\":[" + seeker + "]}").andExpect(status().isCreated())
				.andExpect(jsonPath("$.attended").value(1));
		send("center", "POST", "/api/v1/housing/projects/" + project + "/training-sessions",
				"{\"title\":\" \"}").andExpect(status().isBadRequest());
		send("center", "POST", "/api/v1/housing/projects/" + project + "/training-sessions",
				"{\"title\":\"x\",\"attendees\":[99999999]}").andExpect(status().isBadRequest());
		send("center", "POST", "/api/v1/housing/job-seekers/" + seeker + "/placement", "{\"employer\":\"县建筑公司\"}")
				.andExpect(status().isOk()).andExpect(jsonPath("$.employer").value("县建筑公司"));
		send("center", "POST", "/api/v1/housing/job-seekers/" + seeker + "/placement", "{\"employer\":\"\"}")
				.andExpect(status().isBadRequest());
	}

	@Test
	void theBoardSectionsArePublicFiguresWithoutPersonalData() throws Exception {
		HousingBoardSection schedule = sections.stream().filter(s -> s.key().equals("schedule")).findFirst().orElseThrow();
		HousingBoardSection spending = sections.stream().filter(s -> s.key().equals("spending")).findFirst().orElseThrow();
		var data = schedule.publicData(project);
		assertThat(data).containsKeys("handOverOn", "sites", "works", "photos");
		assertThat((List<?>) data.get("photos")).isNotEmpty();
		var money = spending.publicData(project);
		assertThat((Long) money.get("budgetFen")).isEqualTo(25_000_000_000L);
		assertThat((Long) money.get("spentFen")).isPositive();
		String text = String.valueOf(data) + money;
		assertThat(text).doesNotContainPattern("1[3-9]\\d{9}").doesNotContainPattern("\\d{17}[\\dXx]");
		assertThat(text).doesNotContain("site1", "inspector1");
	}

	@Test
	void thePagesOpenForTheSiteManagerAndTheCenter() throws Exception {
		long site = sites.get(0);
		for (String url : List.of("/", "/construction", "/construction/report", "/construction/report?site=" + sites.get(2),
				"/construction/sites/" + site, "/construction/sites/" + site + "/buildings/1")) {
			mvc.perform(get(url).with(as("site1"))).andExpect(status().isOk());
		}
		mvc.perform(get("/construction/projects/" + project).with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("gl-gantt-today")));
		mvc.perform(get("/construction/sites/" + site + "/buildings/99").with(as("center")))
				.andExpect(status().isNotFound());
		mvc.perform(get("/construction/report").with(as("center"))).andExpect(status().isForbidden());
		mvc.perform(get("/construction/report?site=999999").with(as("site1"))).andExpect(status().isNotFound());
	}
}
