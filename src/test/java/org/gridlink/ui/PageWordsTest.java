package org.gridlink.ui;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The main pages of every role read in words, in both languages: their text (tags, scripts and attributes stripped)
 * holds no constant of one of GridLink's enums (a status, a source, a role… shown raw), no {@code ??key??} of a
 * missing message, and no audit detail ({@code kid=…}, {@code [unit=2]}): that belongs on the audit page only.
 * The shared checks are in {@link PageText}; {@link LookBrowserTest} applies them to what the browser shows.
 */
@WebTest
class PageWordsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void collectEnumConstants() {
		assertThat(PageText.enumConstants()).as("the scan finds the enums")
				.contains("GRID_WORKER", "DISPATCHED", "CENTRALIZED", "NOT_VALID_HERE");
	}

	long first(String sql) {
		return jdbc.sql(sql).query(Long.class).optional().orElseThrow(() -> new AssertionError("no row: " + sql));
	}

	/** A campaign to show (the demo district has none until someone prepares one). */
	long campaign() throws Exception {
		mvc.perform(post("/api/v1/screening/campaigns").with(Demo.as("street1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"页面用语排查\",\"jurisdictionCode\":\"" + Demo.STREET1
						+ "\",\"from\":\"2026-11-01\",\"to\":\"2026-11-30\"}"));
		return first("SELECT MIN(id) FROM screening_campaign");
	}

	/** A person pass of community1's community, issued now (the demo district has none). */
	String pass() throws Exception {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
		String body = mvc.perform(post("/api/v1/passes").with(Demo.as("community1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"PERSON\",\"holderName\":\"王小明\",\"purpose\":\"上班\",\"zones\":[\""
						+ Demo.COMMUNITY1 + "\"],\"validFrom\":\"" + now.minusHours(1) + "\",\"validTo\":\""
						+ now.plusHours(24) + "\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	/** A notice waiting for the center's approval (the notices module's pages). */
	long notice() throws Exception {
		mvc.perform(post("/api/v1/notices").with(Demo.as("street1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"页面用语通知\",\"body\":\"{community}居民请注意\",\"audience\":{\"jurisdictions\":[\""
						+ Demo.STREET1 + "\"]},\"channels\":[\"INBOX\",\"SMS\"],\"urgent\":false}"))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
		return first("SELECT MIN(id) FROM notice WHERE title = '页面用语通知'");
	}

	List<String[]> pages() throws Exception {
		long closedCase = first("SELECT MIN(id) FROM case_file WHERE status IN ('CLOSED', 'EVALUATED')");
		long openCase = first("SELECT MIN(id) FROM case_file WHERE status = 'ACCEPTED'");
		long order = first("SELECT MIN(id) FROM quarantine_order");
		long campaign = campaign();
		long resident = first("SELECT MIN(id) FROM resident WHERE grid_code LIKE '320819001001%'");
		long staff = first("SELECT id FROM staff WHERE username = 'grid1'");
		long user = first("SELECT id FROM app_user WHERE username = 'grid1'");
		List<String[]> pages = new ArrayList<>();
		for (String u : List.of("center", "grid1", "community1", "street1", "dept1", "leader", "police1",
				"inspector1", "liaison1", "property1", "admin", "auditor", "checkpoint1")) {
			pages.add(new String[] { u, "/" });
		}
		for (String url : List.of("/cases", "/cases/" + closedCase, "/cases/" + openCase, "/cases/duty", "/cases/kpis",
				"/quarantine/contacts", "/quarantine/orders", "/quarantine/orders/" + order,
				"/quarantine/orders/" + order + "/monitoring", "/quarantine/monitoring", "/quarantine/alerts",
				"/quarantine/sites", "/residents", "/screening", "/screening/" + campaign, "/jurisdictions", "/map")) {
			pages.add(new String[] { "center", url });
		}
		for (String url : List.of("/cases", "/cases/report", "/screening", "/residents", "/residents/" + resident,
				"/quarantine/alerts")) {
			pages.add(new String[] { "grid1", url });
		}
		for (String url : List.of("/cases", "/residents", "/residents/" + resident, "/screening",
				"/quarantine/contacts", "/quarantine/orders")) {
			pages.add(new String[] { "community1", url });
		}
		long notice = notice();
		for (String url : List.of("/notices", "/notices/approvals", "/notices/" + notice, "/inbox")) {
			pages.add(new String[] { "center", url });
		}
		for (String url : List.of("/notices", "/notices/new", "/inbox")) {
			pages.add(new String[] { "community1", url });
		}
		pages.add(new String[] { "dept1", "/cases" });
		for (String url : List.of("/answer-desk", "/digest", "/answers")) {
			pages.add(new String[] { "center", url });
		}
		pages.add(new String[] { "leader", "/digest" });
		for (String url : List.of("/account/password", "/account/second-factor", "/account/tokens")) {
			pages.add(new String[] { "grid1", url });
		}
		String pass = pass();
		long checkpoint = first("SELECT MIN(id) FROM checkpoint WHERE jurisdiction_code LIKE '320819001002%'");
		for (String url : List.of("/passes", "/passes/new", "/passes/bulk", "/passes/" + pass, "/checkpoints")) {
			pages.add(new String[] { "community1", url });
		}
		for (String url : List.of("/checkpoint", "/checkpoints", "/checkpoints/" + checkpoint)) {
			pages.add(new String[] { "checkpoint1", url });
		}
		pages.add(new String[] { "center", "/passes" });
		for (String url : List.of("/admin/users", "/admin/users/" + user, "/admin/staff", "/admin/staff/" + staff,
				"/admin/units", "/admin/compounds", "/admin/keys")) {
			pages.add(new String[] { "admin", url });
		}
		// retention and export approval (issue 12)
		pages.add(new String[] { "admin", "/retention" });
		pages.add(new String[] { "auditor", "/retention" });
		pages.add(new String[] { "center", "/exports" });
		pages.add(new String[] { "leader", "/exports" });
		// supervision rounds (issue 16): the demo's first round
		for (String url : List.of("/inspection", "/inspection/rounds/1", "/inspection/rounds/1?state=OVERDUE",
				"/inspection/board")) {
			pages.add(new String[] { "center", url });
		}
		pages.add(new String[] { "inspector1", "/inspection/rounds/1/work" });
		pages.add(new String[] { "community1", "/inspection/rounds/1" });
		// the command center (issue 17)
		pages.add(new String[] { "center", "/command" });
		pages.add(new String[] { "leader", "/command/wall" });
		pages.add(new String[] { "street1", "/command" });
		pages.add(new String[] { "community1", "/command?jurisdiction=" + Demo.GRID1 });
		// daily reports (issue 16)
		long reportForm = first("SELECT MIN(id) FROM report_form");
		long report = first("SELECT MIN(id) FROM report_submission WHERE jurisdiction_code = '" + Demo.COMMUNITY1 + "'");
		for (String url : List.of("/reports", "/reports/new", "/reports/" + reportForm + "/rollup",
				"/reports/" + reportForm + "/chart", "/reports/submissions/" + report)) {
			pages.add(new String[] { "center", url });
		}
		for (String url : List.of("/reports", "/reports/" + reportForm + "/fill", "/reports/submissions/" + report)) {
			pages.add(new String[] { "community1", url });
		}
		pages.add(new String[] { "street1", "/reports/review" });
		pages.add(new String[] { "street1", "/reports/" + reportForm + "/rollup" });
		// supervision planning pages (issue 16)
		for (String url : List.of("/inspection/plan/groups/new", "/inspection/plan/items/new",
				"/inspection/plan/rounds/new")) {
			pages.add(new String[] { "center", url });
		}
		// posted cadres on duty (issue 18)
		for (String url : List.of("/", "/duty", "/duty/scan")) {
			pages.add(new String[] { "cadre1", url });
		}
		for (String url : List.of("/communities/" + Demo.COMMUNITY1 + "/duty", "/duty/presence")) {
			pages.add(new String[] { "community1", url });
		}
		pages.add(new String[] { "dept1", "/duty/units" });
		// the "1+N" council (issue 18)
		long councilMeeting = first("SELECT MIN(id) FROM council_meeting WHERE community_code = '" + Demo.COMMUNITY1
				+ "'");
		for (String url : List.of("/councils/" + Demo.COMMUNITY1, "/council-meetings/" + councilMeeting,
				"/council-board/" + Demo.COMMUNITY1)) {
			pages.add(new String[] { "community1", url });
		}
		pages.add(new String[] { "street1", "/councils" });
		// supplies: reserves, requests, gaps (issue 19)
		for (String url : List.of("/supplies", "/supplies/requests", "/supplies/gaps", "/supplies/warehouses/new")) {
			pages.add(new String[] { "center", url });
		}
		for (String url : List.of("/supplies", "/supplies/requests", "/supplies/requests/new", "/supplies/gaps")) {
			pages.add(new String[] { "community1", url });
		}
		pages.add(new String[] { "street1", "/supplies" });
		pages.add(new String[] { "dept1", "/supplies" });
		jdbc.sql("SELECT MIN(id) FROM supply_request WHERE jurisdiction_code = '" + Demo.COMMUNITY1 + "'")
				.query(Long.class).optional().ifPresent(r -> pages.add(new String[] { "community1", "/supplies/requests/" + r }));
		jdbc.sql("SELECT MIN(id) FROM supply_warehouse WHERE level = 'DISTRICT'").query(Long.class).optional()
				.ifPresent(w -> pages.add(new String[] { "center", "/supplies/warehouses/" + w + "/ledger" }));
		// necessities and produce (issue 19)
		for (String url : List.of("/necessities", "/necessities/suppliers", "/necessities/suppliers/new", "/produce")) {
			pages.add(new String[] { "center", url });
		}
		for (String url : List.of("/necessities", "/necessities/households?grid=" + Demo.GRID1, "/necessities/suppliers")) {
			pages.add(new String[] { "grid1", url });
		}
		pages.add(new String[] { "community1", "/necessities" });
		pages.add(new String[] { "street1", "/produce" });
		// the enterprise registry (issue 20)
		long enterprise = first("SELECT MIN(e.id) FROM enterprise e JOIN enterprise_liaison l ON l.enterprise_id = e.id"
				+ " JOIN app_user u ON u.id = l.account_id WHERE u.username = 'liaison1'");
		for (String url : List.of("/enterprises", "/enterprises?key=true", "/enterprises/" + enterprise,
				"/enterprises/new", "/enterprises/" + enterprise + "/edit", "/enterprises/import")) {
			pages.add(new String[] { "center", url });
		}
		for (String url : List.of("/enterprises", "/enterprises/" + enterprise)) {
			pages.add(new String[] { "liaison1", url });
		}
		// rural housing construction (issue 21): the wall charts, the site manager's phone page
		jdbc.sql("SELECT MIN(id) FROM housing_site").query(Long.class).optional().ifPresent(site -> {
			long project = first("SELECT project_id FROM housing_site WHERE id = " + site);
			for (String url : List.of("/", "/construction", "/construction/report", "/construction/sites/" + site,
					"/construction/sites/" + site + "/buildings/1")) {
				pages.add(new String[] { "site1", url });
			}
			pages.add(new String[] { "center", "/construction/projects/" + project });
		});
		// enterprise appeals, the green channel and reception days (issue 20)
		for (String url : List.of("/enterprise-appeals", "/enterprise-appeals/green-channel",
				"/enterprises/reception-days", "/reception-booking")) {
			pages.add(new String[] { "center", url });
		}
		pages.add(new String[] { "leader", "/enterprise-appeals/green-channel" });
		pages.add(new String[] { "liaison1", "/enterprise-appeals" });
		jdbc.sql("SELECT MIN(id) FROM reception_day").query(Long.class).optional()
				.ifPresent(d -> pages.add(new String[] { "leader", "/enterprises/reception-days/" + d }));
		jdbc.sql("SELECT MIN(enterprise_id) FROM enterprise_appeal").query(Long.class).optional()
				.ifPresent(e -> pages.add(new String[] { "center", "/enterprises/" + e + "/appeals" }));
		return pages;
	}

	@Test
	void theMainPagesOfEveryRoleReadInWords() throws Exception {
		List<String> problems = new ArrayList<>();
		int scanned = 0;
		for (String[] page : pages()) {
			for (String lang : List.of("zh-CN", "en")) {
				MvcResult result = mvc.perform(get(page[1]).param("lang", lang).with(Demo.as(page[0]))).andReturn();
				int status = result.getResponse().getStatus();
				if (status != 200) {
					problems.add(page[0] + " " + page[1] + " " + lang + ": status " + status);
					continue;
				}
				scanned++;
				String text = PageText.of(result.getResponse().getContentAsString());
				problems.addAll(PageText.problems(page[0] + " " + page[1] + " " + lang + ": ", text));
			}
		}
		assertThat(problems).as("pages that show codes instead of words").isEmpty();
		assertThat(scanned).isGreaterThan(60);
	}
}
