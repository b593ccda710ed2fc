package org.gridlink.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Role homes answer "what do I do now?", menus keep the daily entries in front and the rest under "more", and no link
 * a user is shown answers 403.
 */
@WebTest
class RoleHomeTest {

	static final List<String> DEMO_USERS = List.of("admin", "center", "leader", "dept1", "street1", "community1",
			"grid1", "grid2", "police1", "property1", "inspector1", "checkpoint1", "auditor", "cadre1", "volunteer1",
			"site1");

	private static final Pattern HREF = Pattern.compile("href=\"(/[^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Test
	void theGridWorkersHomeStartsWithThreeButtonsAndWhatIsWaiting() throws Exception {
		String home = page("/", "grid1");
		String actions = part(home, "id=\"home-actions\"", "</div>\n  </div>");
		assertThat(hrefs(actions)).containsExactly("/cases/report", "/screening", "/quarantine/monitoring");
		assertThat(actions).contains("上报问题", "我的排查", "居家隔离");
		String tasks = part(home, "id=\"home-tasks\"", "</div>");
		assertThat(tasks).contains("待我核查的案件", "href=\"/cases?status=HANDLED\"", "今日打卡预警", "今日尚未打卡",
				"href=\"/quarantine/monitoring/people?figure=DUE_TODAY\"");
		assertThat(home.indexOf("id=\"home-tasks\"")).as("tasks before the overview figures")
				.isLessThan(home.indexOf("id=\"home-cards\""));
	}

	@Test
	void otherRolesHomesShowWhatTheyMustActOn() throws Exception {
		assertThat(part(page("/", "dept1"), "id=\"home-tasks\"", "</div>")).contains("待本单位签收的案件", "临近时限的案件",
				"本单位超期案件");
		assertThat(part(page("/", "community1"), "id=\"home-tasks\"", "</div>")).contains("今日打卡预警", "临近时限的案件");
		assertThat(part(page("/", "street1"), "id=\"home-tasks\"", "</div>")).contains("今日打卡预警", "超期案件");
		assertThat(part(page("/", "center"), "id=\"home-tasks\"", "</div>")).contains("href=\"/cases/duty\"");
		String checkpoint = page("/", "checkpoint1");
		assertThat(hrefs(part(checkpoint, "id=\"home-actions\"", "</div>\n  </div>"))).containsExactly("/checkpoint");
		assertThat(checkpoint).contains("开始查验");
	}

	@Test
	void thePostedCadreAndTheVolunteerHaveTheirPhoneHomesAndMenus() throws Exception {
		String cadre = page("/", "cadre1");
		assertThat(hrefs(part(cadre, "id=\"home-actions\"", "</div>\n  </div>"))).contains("/duty/scan");
		assertThat(hrefs(part(cadre, "id=\"gl-menu\"", "</nav>"))).contains("/duty");
		assertThat(cadre).contains("bi-person-walking");
		// the site manager of rural housing construction (issue 21): the daily report button and the wall chart
		String site = page("/", "site1");
		assertThat(hrefs(part(site, "id=\"home-actions\"", "</div>\n  </div>"))).contains("/construction/report");
		assertThat(hrefs(part(site, "id=\"gl-menu\"", "</nav>"))).contains("/construction/report", "/construction");
		String volunteer = page("/", "volunteer1");
		assertThat(hrefs(part(volunteer, "id=\"gl-menu\"", "</nav>"))).contains("/volunteer");
	}

	@Test
	void theGridWorkersMenuKeepsTheDailyEntriesAndPutsTheRestUnderMore() throws Exception {
		String menu = part(page("/", "grid1"), "id=\"gl-menu\"", "</nav>");
		String more = part(menu, "id=\"gl-more\"", "</ul>");
		String daily = menu.replace(more, "");
		assertThat(hrefs(daily)).containsExactlyInAnyOrder("/", "/cases", "/inbox", "/screening", "/quarantine/monitoring",
				"/quarantine/alerts", "/residents", "/necessities");
		assertThat(hrefs(more)).contains("/map", "/jurisdictions", "/checkpoints", "/residents/imports",
				"/account/tokens");
		assertThat(menu).contains("更多");
		// a page under "more" opens it, so the user sees where they are
		assertThat(page("/map", "grid1")).contains("class=\"nav flex-column ps-2 collapse show\" id=\"gl-more\"");
	}

	@Test
	void departmentStaffHaveTheDailyReportsAmongTheirDailyEntries() throws Exception {
		String menu = part(page("/", "dept1"), "id=\"gl-menu\"", "</nav>");
		String more = part(menu, "id=\"gl-more\"", "</ul>");
		assertThat(hrefs(menu.replace(more, ""))).contains("/cases", "/reports");
		assertThat(hrefs(more)).doesNotContain("/reports");
	}

	@Test
	void noLinkOnAHomeOrMenuAnswersForbidden() throws Exception {
		List<String> refused = new ArrayList<>();
		for (String user : DEMO_USERS) {
			for (String href : hrefs(page("/", user))) {
				int status = mvc.perform(get(href).with(as(user))).andReturn().getResponse().getStatus();
				if (status == 403) {
					refused.add(user + " " + href);
				}
			}
		}
		assertThat(refused).isEmpty();
	}

	@Test
	void theCheckInAlertsPageLinksTheDutyDeskOnlyForThoseWhoMayOpenIt() throws Exception {
		List<String> refused = new ArrayList<>();
		for (String user : List.of("street1", "community1", "grid1", "center")) {
			for (String href : hrefs(page("/quarantine/alerts", user))) {
				int status = mvc.perform(get(href).with(as(user))).andReturn().getResponse().getStatus();
				if (status == 403) {
					refused.add(user + " " + href);
				}
			}
		}
		assertThat(refused).isEmpty();
		assertThat(page("/quarantine/alerts", "center")).contains("href=\"/cases/duty\"");
	}

	private String page(String path, String user) throws Exception {
		var response = mvc.perform(get(path).with(as(user))).andReturn().getResponse();
		assertThat(response.getStatus()).as(user + " " + path).isEqualTo(200);
		return response.getContentAsString();
	}

	/** The text from {@code start} to the first {@code end} after it. */
	private static String part(String html, String start, String end) {
		int from = html.indexOf(start);
		assertThat(from).as(start).isNotNegative();
		int to = html.indexOf(end, from);
		return html.substring(from, to < 0 ? html.length() : to);
	}

	/** The in-app links of a piece of page, in order, without static files and logout. */
	static Set<String> hrefs(String html) {
		Set<String> hrefs = new LinkedHashSet<>();
		Matcher m = HREF.matcher(html);
		while (m.find()) {
			String href = m.group(1).replace("&amp;", "&");
			if (!href.startsWith("//") && !href.startsWith("/webjars/") && !href.startsWith("/css/")
					&& !href.startsWith("/js/") && !href.startsWith("/favicon") && !href.startsWith("/logout")) {
				hrefs.add(href);
			}
		}
		return hrefs;
	}
}
