package org.gridlink.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The main pages of every role read in words, in both languages: their text (tags, scripts and attributes stripped)
 * holds no constant of one of GridLink's enums (a status, a source, a role… shown raw), no {@code ??key??} of a
 * missing message, and no audit detail ({@code kid=…}, {@code [unit=2]}): that belongs on the audit page only.
 * The passes and checkpoint pages belong to the passes module and are checked there.
 */
@WebTest
class PageWordsTest {

	/** Constants that are also ordinary words of the pages (abbreviations read as such). */
	private static final Set<String> WORDS = Set.of("ID", "API", "CSV", "PDF", "QR", "GPS", "SMS", "EN", "OK");

	/** Audit-style detail: a key=value pair or a bracketed machine detail. */
	private static final Pattern AUDIT_DETAIL = Pattern.compile("\\b(kid|type|unit|rows|grids|satisfaction|hours|community)=\\S|\\[(passed|rework|approved|declined)\\]");

	private static final Pattern CAPS = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");

	static Set<String> enumConstants = new TreeSet<>();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void collectEnumConstants() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter((reader, factory) -> "java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName()));
		for (var candidate : scanner.findCandidateComponents("org.gridlink")) {
			for (Object constant : Class.forName(candidate.getBeanClassName()).getEnumConstants()) {
				String name = ((Enum<?>) constant).name();
				if (name.length() > 1 && !WORDS.contains(name)) {
					enumConstants.add(name);
				}
			}
		}
		assertThat(enumConstants).as("the scan finds the enums").contains("GRID_WORKER", "DISPATCHED", "CENTRALIZED");
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
		for (String url : List.of("/admin/users", "/admin/users/" + user, "/admin/staff", "/admin/staff/" + staff,
				"/admin/units", "/admin/compounds")) {
			pages.add(new String[] { "admin", url });
		}
		return pages;
	}

	static String text(String html) {
		String body = html.replaceAll("(?is)<script.*?</script>", " ").replaceAll("(?is)<style.*?</style>", " ")
				.replaceAll("(?is)<title>.*?</title>", " ").replaceAll("<[^>]+>", " ");
		return HtmlUtils.htmlUnescape(body).replaceAll("\\s+", " ");
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
				String text = text(result.getResponse().getContentAsString());
				String where = page[0] + " " + page[1] + " " + lang + ": ";
				Matcher caps = CAPS.matcher(text);
				Set<String> raw = new TreeSet<>();
				while (caps.find()) {
					if (enumConstants.contains(caps.group())) {
						raw.add(caps.group());
					}
				}
				if (!raw.isEmpty()) {
					problems.add(where + "raw enum names " + raw + " in …" + around(text, raw.iterator().next()) + "…");
				}
				if (text.contains("??")) {
					problems.add(where + "missing message …" + around(text, "??") + "…");
				}
				Matcher audit = AUDIT_DETAIL.matcher(text);
				if (audit.find()) {
					problems.add(where + "audit detail …" + around(text, audit.group()) + "…");
				}
			}
		}
		assertThat(problems).as("pages that show codes instead of words").isEmpty();
		assertThat(scanned).isGreaterThan(60);
	}

	private static String around(String text, String word) {
		int at = text.indexOf(word);
		return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + word.length() + 60));
	}
}
