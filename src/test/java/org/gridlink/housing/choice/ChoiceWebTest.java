package org.gridlink.housing.choice;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.gridlink.housing.MilestoneFacts;
import org.gridlink.housing.MilestoneKind;
import org.gridlink.platform.ConflictException;
import org.gridlink.support.Demo;
import org.gridlink.support.TestClock;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Choice and agreements over the API and the pages, on a fixture project of its own (villages: community1's and one
 * of another street; eligibility flags set directly, as the eligibility part would): one current choice per household
 * with its history, allocation never giving a plot twice and reproducible from its seed, agreement figures equal to
 * the chosen type's, tranches due only after the milestone, scope per role, bad inputs.
 */
@WebTest
class ChoiceWebTest {

	static final String VILLAGE1 = Demo.COMMUNITY1; // street1's, community1's
	static final String VILLAGE2 = "320819002001"; // another street's

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Agreements agreements;

	@Autowired
	SubsidyTranches tranches;

	long project;
	long site;
	final List<Long> village1 = new ArrayList<>();
	final List<Long> village2 = new ArrayList<>();
	long notEligible;

	@BeforeEach
	void fixture() {
		clock.toDaytime();
		jdbc.sql("INSERT INTO housing_project (name, township_code, budget_fen, hand_over_on, created_at, created_by) "
				+ "VALUES ('选房测试项目', ?, 100000000, ?, ?, 'test')").params(Demo.STREET1, LocalDate.now().plusDays(200),
						OffsetDateTime.now()).update();
		project = jdbc.sql("SELECT MAX(id) FROM housing_project").query(Long.class).single();
		for (String v : List.of(VILLAGE1, VILLAGE2)) {
			jdbc.sql("INSERT INTO housing_project_village (project_id, village_code) VALUES (?, ?)").params(project, v)
					.update();
		}
		jdbc.sql("INSERT INTO housing_site (project_id, name, village_code, buildings, plots) VALUES (?, '测试安置点', ?, 2, 6)")
				.params(project, VILLAGE1).update();
		site = jdbc.sql("SELECT MAX(id) FROM housing_site").query(Long.class).single();
		village1.clear();
		village2.clear();
		for (int i = 1; i <= 5; i++) {
			village1.add(household(VILLAGE1, i, true, i));
		}
		for (int i = 6; i <= 7; i++) {
			village2.add(household(VILLAGE2, i, true, i));
		}
		notEligible = household(VILLAGE1, 8, false, null);
	}

	long household(String village, int n, boolean eligible, Integer rank) {
		jdbc.sql("INSERT INTO housing_household (project_id, household_id, village_code, head_masked, family_size, "
				+ "eligible, priority_rank, list_final) VALUES (?, ?, ?, ?, 3, ?, ?, TRUE)")
				.params(project, 900_000 + n, village, "测*" + n, eligible, rank).update();
		return jdbc.sql("SELECT id FROM housing_household WHERE project_id = ? AND household_id = ?")
				.params(project, 900_000 + n).query(Long.class).single();
	}

	ResultActions postJson(String user, String url, String body) throws Exception {
		return mvc.perform(post(url).with(Demo.as(user)).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	long unitType(String name, String area, long price, long subsidy) throws Exception {
		String body = postJson("street1", "/api/v1/housing/projects/" + project + "/unit-types",
				"{\"name\":\"" + name + "\",\"floorArea\":" + area + ",\"priceFen\":" + price + ",\"subsidyFen\":"
						+ subsidy + "}")
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	ResultActions choose(String user, long household, String body) throws Exception {
		return mvc.perform(put("/api/v1/housing/households/" + household + "/choice").with(Demo.as(user))
				.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void unitTypesAreAddedByTheTownshipWithFiguresChecked() throws Exception {
		unitType("甲型", "120.50", 45_000_000L, 22_000_000L);
		mvc.perform(get("/api/v1/housing/projects/" + project + "/unit-types").with(Demo.as("community1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$[0].name").value("甲型"))
				.andExpect(jsonPath("$[0].priceFen").value(45_000_000L));
		String url = "/api/v1/housing/projects/" + project + "/unit-types";
		postJson("street1", url, "{\"name\":\"乙型\",\"floorArea\":100,\"priceFen\":100,\"subsidyFen\":200}")
				.andExpect(status().isBadRequest());
		postJson("street1", url, "{\"floorArea\":100,\"priceFen\":100,\"subsidyFen\":20}").andExpect(status().isBadRequest());
		postJson("street1", url, "{\"name\":\"乙型\",\"floorArea\":-3,\"priceFen\":100,\"subsidyFen\":20}")
				.andExpect(status().isBadRequest());
		postJson("street1", url, "{\"name\":\"乙型\",\"floorArea\":1.234,\"priceFen\":100,\"subsidyFen\":20}")
				.andExpect(status().isBadRequest());
		postJson("street1", url, "{\"name\":\"甲型\",\"floorArea\":100,\"priceFen\":100,\"subsidyFen\":20}")
				.andExpect(status().isBadRequest());
		postJson("street1", url, "{\"name\":").andExpect(status().isBadRequest());
		// village staff and other streets do not keep the project's unit types
		postJson("community1", url, "{\"name\":\"丙型\",\"floorArea\":100,\"priceFen\":100,\"subsidyFen\":20}")
				.andExpect(status().isForbidden());
		postJson("police1", url, "{\"name\":\"丙型\",\"floorArea\":100,\"priceFen\":100,\"subsidyFen\":20}")
				.andExpect(status().isNotFound());
		// the page form: a price with three decimals is refused with a message, nothing stored
		mvc.perform(post("/housing/projects/" + project + "/choice/unit-types").with(Demo.as("street1"))
				.param("name", "丁型").param("floorArea", "90").param("price", "1.234").param("subsidy", "1"))
				.andExpect(status().is3xxRedirection())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
						.attributeExists("flashError"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_unit_type WHERE project_id = ?").param(project)
				.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void drawingsAreCheckedAndPublicOnesAreServedWithoutLogin() throws Exception {
		long type = unitType("甲型", "120", 45_000_000L, 22_000_000L);
		String url = "/api/v1/housing/unit-types/" + type + "/drawings";
		String body = mvc.perform(multipart(url).file(new MockMultipartFile("file", "plan.pdf", "application/pdf",
				ChoiceRulesTest.pdf())).param("title", "平面图").with(Demo.as("street1")))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long publicId = ((Number) JsonPath.read(body, "$.id")).longValue();
		body = mvc.perform(multipart(url).file(new MockMultipartFile("file", "inside.pdf", "application/pdf",
				ChoiceRulesTest.pdf())).param("public", "false").with(Demo.as("street1")))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long internalId = ((Number) JsonPath.read(body, "$.id")).longValue();
		// by content, not by name or declared type
		mvc.perform(multipart(url).file(new MockMultipartFile("file", "plan.pdf", "application/pdf",
				"<html>not a pdf</html>".getBytes())).with(Demo.as("street1"))).andExpect(status().isBadRequest());
		mvc.perform(multipart(url).file(new MockMultipartFile("file", "plan.pdf", "application/pdf", new byte[0]))
				.with(Demo.as("street1"))).andExpect(status().isBadRequest());
		mvc.perform(multipart(url).file(new MockMultipartFile("file", "plan.pdf", "application/pdf",
				java.util.Arrays.copyOf(ChoiceRulesTest.pdf(), 100))).with(Demo.as("street1")))
				.andExpect(status().isBadRequest());
		mvc.perform(multipart(url).file(new MockMultipartFile("file", "plan.pdf", "application/pdf",
				ChoiceRulesTest.pdf())).with(Demo.as("community1"))).andExpect(status().isForbidden());
		mvc.perform(get("/housing/drawings/" + publicId)).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
						.string("Content-Type", "application/pdf"));
		mvc.perform(get("/housing/drawings/" + internalId)).andExpect(status().isNotFound());
		mvc.perform(get("/housing/choice/drawings/" + internalId).with(Demo.as("community1"))).andExpect(status().isOk());
		// the board section lists only the public drawing, and no household
		var section = new UnitTypesBoardSection(unitTypesField).publicData(project);
		assertThat(section.toString()).contains("/housing/drawings/" + publicId)
				.doesNotContain("/housing/drawings/" + internalId).doesNotContain("测*");
	}

	@Autowired
	UnitTypes unitTypesField;

	@Test
	void aHouseholdHasExactlyOneCurrentChoiceAndItsHistory() throws Exception {
		long a = unitType("甲型", "120", 45_000_000L, 22_000_000L);
		long b = unitType("乙型", "140", 52_000_000L, 24_000_000L);
		long h = village1.get(0);
		choose("community1", h, "{\"unitTypeId\":" + a + "}").andExpect(status().isOk())
				.andExpect(jsonPath("$.unitTypeName").value("甲型"));
		choose("community1", h, "{\"unitTypeId\":" + b + "}").andExpect(status().isOk());
		choose("street1", h, "{\"deferred\":true}").andExpect(status().isOk()).andExpect(jsonPath("$.deferred").value(true));
		choose("community1", h, "{\"unitTypeId\":" + b + "}").andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_choice WHERE household_id = ?").param(h).query(Long.class)
				.single()).isEqualTo(1);
		mvc.perform(get("/api/v1/housing/households/" + h + "/choice-history").with(Demo.as("community1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(4))
				.andExpect(jsonPath("$[0].unitTypeName").value("甲型")).andExpect(jsonPath("$[2].deferred").value(true));
		// concurrent visits: the primary key keeps one row whatever happens
		assertThatThrownBy(() -> jdbc.sql("INSERT INTO housing_choice (household_id, project_id, unit_type_id, deferred, "
				+ "chosen_at, chosen_by) VALUES (?, ?, ?, FALSE, ?, 'x')").params(h, project, a, OffsetDateTime.now())
				.update()).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
		// bad inputs
		choose("community1", h, "{\"unitTypeId\":" + a + ",\"deferred\":true}").andExpect(status().isBadRequest());
		choose("community1", h, "{}").andExpect(status().isBadRequest());
		choose("community1", h, "{\"unitTypeId\":\"x\"}").andExpect(status().isBadRequest());
		long otherProjectType = jdbc.sql("SELECT COALESCE(MIN(id), -1) FROM housing_unit_type WHERE project_id <> ?")
				.param(project).query(Long.class).single();
		choose("community1", h, "{\"unitTypeId\":" + otherProjectType + "}").andExpect(status().isBadRequest());
		choose("community1", notEligible, "{\"unitTypeId\":" + a + "}").andExpect(status().isConflict());
		// scope: village staff of another village, grid workers and other roles do not record choices
		choose("community1", village2.get(0), "{\"unitTypeId\":" + a + "}").andExpect(status().isNotFound());
		choose("leader", h, "{\"unitTypeId\":" + a + "}").andExpect(status().isForbidden());
		choose("police1", h, "{\"unitTypeId\":" + a + "}").andExpect(status().isNotFound());
		// the page form
		mvc.perform(post("/housing/choice/households/" + h + "/choice").with(Demo.as("community1")).param("unitType", "zz"))
				.andExpect(status().is3xxRedirection())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
						.attributeExists("flashError"));
	}

	@Test
	void listsAreScopedPerRole() throws Exception {
		String url = "/api/v1/housing/projects/" + project + "/choices";
		mvc.perform(get(url).with(Demo.as("center"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(7));
		mvc.perform(get(url).with(Demo.as("street1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(5));
		mvc.perform(get(url).with(Demo.as("community1")).param("all", "true")).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(6))
				.andExpect(jsonPath("$.content[0].headMasked").value("测*1"));
		mvc.perform(get(url).with(Demo.as("community1")).param("village", VILLAGE2)).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(0));
		mvc.perform(get(url).with(Demo.as("grid2"))).andExpect(status().isNotFound());
		mvc.perform(get(url).with(Demo.as("police1"))).andExpect(status().isNotFound());
		mvc.perform(get(url).with(Demo.as("center")).param("size", "501")).andExpect(status().isBadRequest());
		mvc.perform(get(url).with(Demo.as("center")).param("village", "12ab")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/housing/projects/" + project + "/agreements").with(Demo.as("center")).param("state", "X"))
				.andExpect(status().isBadRequest());
		mvc.perform(get("/housing/projects/" + project + "/choice/households").with(Demo.as("community1")))
				.andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
						.content().string(containsString("测*1")));
		mvc.perform(get("/housing/projects/" + project + "/choice").with(Demo.as("street1"))).andExpect(status().isOk());
		mvc.perform(get("/housing/choice").with(Demo.as("community1"))).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(containsString("选房测试项目")));
		mvc.perform(get("/housing/projects/" + project + "/choice").with(Demo.as("police1")))
				.andExpect(status().isNotFound());
	}

	/** Everyone on the list chooses; returns the type ids. */
	List<Long> everyoneChooses() throws Exception {
		long a = unitType("甲型", "120.50", 45_000_000L, 22_000_001L);
		long b = unitType("乙型", "140", 52_000_000L, 24_000_000L);
		for (int i = 0; i < village1.size(); i++) {
			choose("community1", village1.get(i), "{\"unitTypeId\":" + (i % 2 == 0 ? a : b) + "}").andExpect(status().isOk());
		}
		for (long h : village2) {
			choose("street1", h, "{\"unitTypeId\":" + a + "}").andExpect(status().isNotFound()); // not street1's village
			jdbc.sql("INSERT INTO housing_choice (household_id, project_id, unit_type_id, deferred, chosen_at, chosen_by) "
					+ "VALUES (?, ?, ?, FALSE, ?, 'test')").params(h, project, b, OffsetDateTime.now()).update();
		}
		return List.of(a, b);
	}

	@Test
	void allocationGivesEachPlotOnceAndTheLotIsReproducibleFromItsSeed() throws Exception {
		everyoneChooses();
		String url = "/api/v1/housing/projects/" + project + "/allocation";
		postJson("street1", url, "{\"method\":\"LOT\",\"witnesses\":[\"王建国\"]}").andExpect(status().isBadRequest());
		postJson("street1", url, "{\"method\":\"RANDOM\"}").andExpect(status().isBadRequest());
		postJson("street1", url, "{\"method\":\"PRIORITY\",\"seed\":5}").andExpect(status().isBadRequest());
		postJson("community1", url, "{\"method\":\"PRIORITY\"}").andExpect(status().isForbidden());
		String body = postJson("street1", url, "{\"method\":\"LOT\",\"seed\":777,\"witnesses\":[\"王建国\",\"李秀英\"]}")
				.andExpect(status().isCreated()).andExpect(jsonPath("$.allocated").value(6))
				.andExpect(jsonPath("$.witnesses.length()").value(2)).andReturn().getResponse().getContentAsString();
		List<Number> drawn = JsonPath.read(body, "$.drawnOrder");
		List<Long> all = new ArrayList<>(village1);
		all.addAll(village2);
		assertThat(drawn.stream().map(Number::longValue).toList()).isEqualTo(PlotAllocation.lotOrder(all, 777L));
		// 7 households, 6 plots: the seventh drawn waits; the next round has no plot left for it
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT plot) FROM housing_allocation WHERE site_id = ?").param(site)
				.query(Long.class).single()).isEqualTo(6);
		long lastDrawn = drawn.get(6).longValue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_allocation WHERE household_id = ?").param(lastDrawn)
				.query(Long.class).single()).isZero();
		postJson("street1", url, "{\"method\":\"PRIORITY\"}").andExpect(status().isCreated())
				.andExpect(jsonPath("$.allocated").value(0));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_allocation WHERE project_id = ?").param(project)
				.query(Long.class).single()).isEqualTo(6);
		mvc.perform(get(url).with(Demo.as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[1].seed").value(777));
	}

	@Test
	void theAgreementCarriesTheChosenTypesFiguresAndIsSignedWithAScan() throws Exception {
		List<Long> types = everyoneChooses();
		postJson("street1", "/api/v1/housing/projects/" + project + "/allocation", "{\"method\":\"PRIORITY\"}")
				.andExpect(status().isCreated());
		long h = village1.get(0); // rank 1: chose 甲型, holds a plot
		mvc.perform(post("/api/v1/housing/households/" + notEligible + "/agreement").with(Demo.as("community1")))
				.andExpect(status().isConflict());
		String body = mvc.perform(post("/api/v1/housing/households/" + h + "/agreement").with(Demo.as("community1")))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("DRAFTED"))
				.andExpect(jsonPath("$.unitTypeId").value(types.get(0)))
				.andExpect(jsonPath("$.unitType").value("甲型")).andExpect(jsonPath("$.floorArea").value(120.5))
				.andExpect(jsonPath("$.priceFen").value(45_000_000L)).andExpect(jsonPath("$.subsidyFen").value(22_000_001L))
				.andExpect(jsonPath("$.shareFen").value(22_999_999L)).andExpect(jsonPath("$.plot").value("1-01"))
				.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(body, "$.id")).longValue();
		byte[] pdf = mvc.perform(get("/api/v1/housing/agreements/" + id + "/pdf").with(Demo.as("community1"))
				.locale(java.util.Locale.SIMPLIFIED_CHINESE))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-").contains("FontFile2");
		PdfReader reader = new PdfReader(pdf);
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(text).contains("甲型", "120.50", "¥450,000.00", "¥220,000.01", "¥229,999.99", "1-01");
		// changing the choice before signing drops the draft; drafting again takes the new figures
		choose("community1", h, "{\"unitTypeId\":" + types.get(1) + "}").andExpect(status().isOk())
				.andExpect(jsonPath("$.agreementId").value(org.hamcrest.Matchers.nullValue()));
		body = mvc.perform(post("/api/v1/housing/households/" + h + "/agreement").with(Demo.as("community1")))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.priceFen").value(52_000_000L))
				.andReturn().getResponse().getContentAsString();
		id = ((Number) JsonPath.read(body, "$.id")).longValue();
		String scanUrl = "/api/v1/housing/agreements/" + id + "/scan";
		mvc.perform(multipart(scanUrl).file(new MockMultipartFile("scan", "s.pdf", "application/pdf", "nope".getBytes()))
				.with(Demo.as("community1"))).andExpect(status().isBadRequest());
		mvc.perform(multipart(scanUrl).file(new MockMultipartFile("scan", "s.pdf", "application/pdf", ChoiceRulesTest.pdf()))
				.param("signedOn", "2999-01-01").with(Demo.as("community1"))).andExpect(status().isBadRequest());
		mvc.perform(multipart(scanUrl).file(new MockMultipartFile("scan", "s.pdf", "application/pdf", ChoiceRulesTest.pdf()))
				.param("signedOn", "yesterday").with(Demo.as("community1"))).andExpect(status().isBadRequest());
		mvc.perform(multipart(scanUrl).file(new MockMultipartFile("scan", "s.pdf", "application/pdf", ChoiceRulesTest.pdf()))
				.with(Demo.as("leader"))).andExpect(status().isForbidden());
		mvc.perform(multipart(scanUrl).file(new MockMultipartFile("scan", "s.pdf", "application/pdf", ChoiceRulesTest.pdf()))
				.with(Demo.as("community1"))).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("SIGNED"));
		mvc.perform(multipart(scanUrl).file(new MockMultipartFile("scan", "s.pdf", "application/pdf", ChoiceRulesTest.pdf()))
				.with(Demo.as("community1"))).andExpect(status().isConflict());
		choose("community1", h, "{\"deferred\":true}").andExpect(status().isConflict());
		mvc.perform(get(scanUrl).with(Demo.as("street1"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/housing/agreements/" + id).with(Demo.as("grid2"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/housing/projects/" + project + "/agreements").with(Demo.as("community1"))
				.param("state", "SIGNED")).andExpect(status().isOk()).andExpect(jsonPath("$.page.totalElements").value(1));
		// the facts the other parts read
		assertThat(new ChoiceFacts(jdbc).choices(project, List.of(h)).get(h).agreementState()).isEqualTo("signed");
	}

	@Test
	void aTrancheIsDueOnlyAfterTheBuildingReachedTheMilestone() throws Exception {
		everyoneChooses();
		postJson("street1", "/api/v1/housing/projects/" + project + "/allocation", "{\"method\":\"PRIORITY\"}")
				.andExpect(status().isCreated());
		long h = village1.get(0);
		long id = ((Number) JsonPath.read(mvc.perform(post("/api/v1/housing/households/" + h + "/agreement")
				.with(Demo.as("community1"))).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
		String pay = "/api/v1/housing/agreements/" + id + "/payments";
		String today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).toString();
		// not signed yet: nothing is due
		postJson("street1", pay, "{\"milestone\":\"FOUNDATION\",\"paidOn\":\"" + today + "\",\"reference\":\"BZ-1\"}")
				.andExpect(status().isConflict());
		mvc.perform(multipart("/api/v1/housing/agreements/" + id + "/scan").file(new MockMultipartFile("scan", "s.pdf",
				"application/pdf", ChoiceRulesTest.pdf())).with(Demo.as("community1"))).andExpect(status().isOk());
		// signed, but no milestone reached (no construction part here): still not due
		postJson("street1", pay, "{\"milestone\":\"FOUNDATION\",\"paidOn\":\"" + today + "\",\"reference\":\"BZ-1\"}")
				.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/housing/agreements/" + id + "/tranches").with(Demo.as("community1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$[0].state").value("WAITING"))
				.andExpect(jsonPath("$[0].amountFen").value(6_600_000L));
		// bad payment inputs
		postJson("street1", pay, "{\"milestone\":\"FOUNDATION\",\"paidOn\":\"" + today + "\"}").andExpect(status().isBadRequest());
		postJson("street1", pay, "{\"milestone\":\"CELLAR\",\"paidOn\":\"" + today + "\",\"reference\":\"x\"}")
				.andExpect(status().isBadRequest());
		postJson("street1", pay, "{\"milestone\":\"FOUNDATION\",\"paidOn\":\"2999-01-01\",\"reference\":\"x\"}")
				.andExpect(status().isBadRequest());
		postJson("community1", pay, "{\"milestone\":\"FOUNDATION\",\"paidOn\":\"" + today + "\",\"reference\":\"x\"}")
				.andExpect(status().isForbidden());
		// with the construction part telling: the foundation of the household's building is reached, the roof is not
		LocalDate reached = LocalDate.parse(today).minusDays(5);
		MilestoneFacts facts = (siteId, building, kind) -> siteId == site && building == 1
				&& kind == MilestoneKind.FOUNDATION ? Optional.of(reached) : Optional.empty();
		Agreements.Agreement agreement = agreements.get(
				new org.gridlink.platform.CurrentUser(0, "center", "c", java.util.Set.of(org.gridlink.platform.Role.CENTER),
						org.gridlink.platform.Scope.of(List.of(Demo.DISTRICT)), null), id);
		List<SubsidyTranches.Tranche> list = tranches.of(agreement, facts);
		assertThat(list).extracting(SubsidyTranches.Tranche::state).containsExactly("DUE", "WAITING", "WAITING");
		assertThatThrownBy(() -> tranches.payAs("street1", agreement, MilestoneKind.ROOF, reached, "BZ-2", facts))
				.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> tranches.payAs("street1", agreement, MilestoneKind.FOUNDATION, reached.minusDays(1),
				"BZ-0", facts)).isInstanceOf(org.gridlink.platform.InvalidInputException.class);
		SubsidyTranches.Tranche paid = tranches.payAs("street1", agreement, MilestoneKind.FOUNDATION, reached, "BZ-1",
				facts);
		assertThat(paid.state()).isEqualTo("PAID");
		assertThat(paid.amountFen()).isEqualTo(6_600_000L);
		assertThatThrownBy(() -> tranches.payAs("street1", agreement, MilestoneKind.FOUNDATION, reached, "BZ-1", facts))
				.isInstanceOf(ConflictException.class);
		mvc.perform(get("/api/v1/housing/projects/" + project + "/subsidy-totals").with(Demo.as("street1")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.signedSubsidyFen").value(22_000_001L))
				.andExpect(jsonPath("$.paidFen").value(6_600_000L));
		// the plan no longer changes once a tranche is paid; bad plans are 400s
		mvc.perform(put("/api/v1/housing/projects/" + project + "/tranche-plan").with(Demo.as("street1"))
				.contentType(MediaType.APPLICATION_JSON).content("[{\"milestone\":\"ROOF\",\"percent\":50}]"))
				.andExpect(status().isBadRequest());
		mvc.perform(put("/api/v1/housing/projects/" + project + "/tranche-plan").with(Demo.as("street1"))
				.contentType(MediaType.APPLICATION_JSON).content("[{\"milestone\":\"ROOF\",\"percent\":100}]"))
				.andExpect(status().isConflict());
		// the household card shows the tranches in words
		mvc.perform(get("/housing/projects/" + project + "/choice/households").with(Demo.as("street1")))
				.andExpect(status().isOk());
	}

	@Test
	void theTranchePlanIsConfigurablePerProject() throws Exception {
		String url = "/api/v1/housing/projects/" + project + "/tranche-plan";
		mvc.perform(get(url).with(Demo.as("community1"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(3)).andExpect(jsonPath("$[1].percent").value(40));
		mvc.perform(put(url).with(Demo.as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content("[{\"milestone\":\"ROOF\",\"percent\":100}]")).andExpect(status().isForbidden());
		mvc.perform(put(url).with(Demo.as("street1")).contentType(MediaType.APPLICATION_JSON)
				.content("[{\"milestone\":\"STRUCTURE\",\"percent\":50},{\"milestone\":\"ACCEPTANCE\",\"percent\":50}]"))
				.andExpect(status().isOk());
		mvc.perform(get(url).with(Demo.as("community1"))).andExpect(jsonPath("$.length()").value(2))
				.andExpect(jsonPath("$[0].milestone").value("STRUCTURE"));
		mvc.perform(post("/housing/projects/" + project + "/choice/plan").with(Demo.as("street1"))
				.param("percent_ROOF", "abc")).andExpect(status().is3xxRedirection())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
						.attributeExists("flashError"));
	}


	@Autowired
	DemoChoiceLoader demoLoader;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Test
	void theDemoLoadsChoicesPlotsAndAgreementsForTheFinalList() {
		String outcome = transactions.execute(tx -> demoLoader.load(project));
		assertThat(outcome).contains("7 choices", "6 plots", "6 agreements");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_choice WHERE project_id = ?").param(project).query(Long.class)
				.single()).isEqualTo(7);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT plot) FROM housing_allocation WHERE project_id = ?").param(project)
				.query(Long.class).single()).isEqualTo(6);
		// every agreement carries its household's chosen type's figures
		assertThat(jdbc.sql("SELECT COUNT(*) FROM housing_agreement g JOIN housing_choice c ON c.household_id = "
				+ "g.household_id JOIN housing_unit_type t ON t.id = c.unit_type_id WHERE g.project_id = ? AND "
				+ "g.unit_type_id = t.id AND g.price_fen = t.price_fen AND g.subsidy_fen = t.subsidy_fen AND "
				+ "g.share_fen = t.price_fen - t.subsidy_fen AND g.floor_area = t.floor_area").param(project)
				.query(Long.class).single()).isEqualTo(6);
		String drawn = jdbc.sql("SELECT drawn_order FROM housing_allocation_round WHERE project_id = ?").param(project)
				.query(String.class).single();
		List<Long> chosen = jdbc.sql("SELECT household_id FROM housing_choice WHERE project_id = ? AND NOT deferred")
				.param(project).query(Long.class).list();
		assertThat(drawn).isEqualTo(String.join(",",
				PlotAllocation.lotOrder(chosen, DemoChoiceLoader.SEED).stream().map(String::valueOf).toList()));
	}
}
