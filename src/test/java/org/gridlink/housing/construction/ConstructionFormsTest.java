package org.gridlink.housing.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The staff forms of the construction pages over MockMvc on the demo project: each form saves (the row appears) and
 * redirects; a bad input shows the page again with 400, the field's message and what was typed, and saves nothing; a
 * role that may not use a form does not see it and is refused (403) when it posts anyway.
 */
@WebTest
class ConstructionFormsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long project;
	long site;

	@BeforeEach
	void demoProject() {
		project = jdbc.sql("SELECT MIN(id) FROM housing_project").query(Long.class).single();
		site = jdbc.sql("SELECT MIN(id) FROM housing_site WHERE project_id = ?").param(project).query(Long.class)
				.single();
	}

	long count(String sql, Object... args) {
		return jdbc.sql(sql).params(List.of(args)).query(Long.class).single();
	}

	MockHttpServletRequestBuilder form(String user, String url) {
		return post(url).with(as(user)).header("Accept-Language", "zh-CN");
	}

	String page(String user, String url) throws Exception {
		return mvc.perform(get(url).with(as(user)).header("Accept-Language", "zh-CN")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
	}

	/** An input tag with this id and all these attributes, in any order. */
	static Pattern input(String id, String... attributes) {
		StringBuilder pattern = new StringBuilder("<input(?=[^>]* id=\"" + id + "\")(?=[^>]* name=\"" + id + "\")");
		for (String attribute : attributes) {
			pattern.append("(?=[^>]* ").append(Pattern.quote(attribute)).append(")");
		}
		return Pattern.compile(pattern.append("[^>]*>").toString());
	}

	@Test
	void anInspectionIsRecordedFromTheSitePageAndBadInputShowsTheFormAgain() throws Exception {
		String url = "/construction/sites/" + site + "/inspections";
		assertThat(page("center", "/construction/sites/" + site)).contains("id=\"insp-QUALITY\"", "id=\"insp-SAFETY\"",
				"记录本次检查", "name=\"item.HELMETS\"", "name=\"itemNote.SCAFFOLD\"", "name=\"clientId\"",
				"name=\"_csrf\"");
		long before = count("SELECT COUNT(*) FROM housing_inspection WHERE site_id = ?", site);
		String clientId = UUID.randomUUID().toString();
		mvc.perform(form("center", url).param("clientId", clientId).param("kind", "SAFETY").param("building", "2")
				.param("item.HELMETS", "PASS").param("item.SCAFFOLD", "FAIL").param("itemNote.SCAFFOLD", "未连墙")
				.param("item.FIRE", "NA").param("note", "表单检查"))
				.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/construction/sites/" + site));
		assertThat(count("SELECT COUNT(*) FROM housing_inspection WHERE site_id = ?", site) - before).isEqualTo(1);
		long id = jdbc.sql("SELECT id FROM housing_inspection WHERE client_id = ?").param(clientId).query(Long.class)
				.single();
		assertThat(count("SELECT COUNT(*) FROM housing_inspection_finding WHERE inspection_id = ?", id)).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM housing_inspection_finding WHERE inspection_id = ? AND item = 'SCAFFOLD'"
				+ " AND passed = FALSE AND note = '未连墙'", id)).isEqualTo(1);

		// nothing checked: refused beside the checklist, the typed note kept, nothing saved
		String refused = mvc.perform(form("center", url).param("clientId", UUID.randomUUID().toString())
				.param("kind", "QUALITY").param("note", "都没查").param("item.MATERIALS", "NA"))
				.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"insp-QUALITY-findings-error\"", "每个检查项填写一次", "都没查",
				"error-summary");
		// a date that cannot be read
		mvc.perform(form("center", url).param("clientId", UUID.randomUUID().toString()).param("kind", "QUALITY")
				.param("day", "2026-13-45").param("item.MATERIALS", "PASS")).andExpect(status().isBadRequest())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("insp-QUALITY-day-error")));
		// a building the site does not have
		mvc.perform(form("center", url).param("clientId", UUID.randomUUID().toString()).param("kind", "QUALITY")
				.param("building", "999").param("item.MATERIALS", "PASS")).andExpect(status().isBadRequest())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("insp-QUALITY-building-error")));
		assertThat(count("SELECT COUNT(*) FROM housing_inspection WHERE site_id = ?", site) - before).isEqualTo(1);

		// the site manager reports but does not inspect: no form, and refused when posting anyway
		assertThat(page("site1", "/construction/sites/" + site)).doesNotContain("id=\"insp-QUALITY\"");
		mvc.perform(form("site1", url).param("clientId", UUID.randomUUID().toString()).param("kind", "QUALITY")
				.param("item.MATERIALS", "PASS")).andExpect(status().isForbidden());
		assertThat(count("SELECT COUNT(*) FROM housing_inspection WHERE site_id = ?", site) - before).isEqualTo(1);
	}

	@Test
	void aSupportingWorksProgressIsUpdatedFromTheProjectPage() throws Exception {
		long work = count("SELECT MIN(id) FROM housing_supporting_work WHERE project_id = ? AND site_id = ?", project,
				site);
		String url = "/construction/projects/" + project + "/supporting-works/" + work;
		assertThat(page("center", "/construction/projects/" + project)).contains("id=\"work-" + work + "-percent\"");
		mvc.perform(form("center", url).param("percent", "77")).andExpect(status().is3xxRedirection());
		assertThat(count("SELECT percent FROM housing_supporting_work WHERE id = ?", work)).isEqualTo(77);

		String refused = mvc.perform(form("center", url).param("percent", "140")).andExpect(status().isBadRequest())
				.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"work-" + work + "-percent-error\"", "value=\"140\"", "0 至 100");
		mvc.perform(form("center", url).param("percent", "lots")).andExpect(status().isBadRequest());
		assertThat(count("SELECT percent FROM housing_supporting_work WHERE id = ?", work)).isEqualTo(77);

		// a project-wide work is kept by the district and township staff, not by a site manager
		long wide = count("SELECT MIN(id) FROM housing_supporting_work WHERE project_id = ? AND site_id IS NULL",
				project);
		int percent = (int) count("SELECT percent FROM housing_supporting_work WHERE id = ?", wide);
		// (the manager of the work's site reports on it: the form shows for that work only)
		assertThat(page("site1", "/construction/projects/" + project)).doesNotContain("id=\"work-" + wide + "-percent\"")
				.contains("id=\"work-" + work + "-percent\"");
		mvc.perform(form("site1", "/construction/projects/" + project + "/supporting-works/" + wide)
				.param("percent", String.valueOf((percent + 1) % 100))).andExpect(status().isForbidden());
		assertThat(count("SELECT percent FROM housing_supporting_work WHERE id = ?", wide)).isEqualTo(percent);
	}

	@Test
	void spendingIsRecordedFromTheProjectPage() throws Exception {
		long item = count("SELECT MIN(id) FROM housing_budget_item WHERE project_id = ?", project);
		String url = "/construction/projects/" + project + "/spending";
		String sum = "SELECT COALESCE(SUM(amount_fen), 0) FROM housing_spending WHERE item_id = ?";
		long before = count(sum, item);
		long rows = count("SELECT COUNT(*) FROM housing_spending");
		assertThat(page("center", "/construction/projects/" + project)).contains("id=\"spend-form\"");
		mvc.perform(form("center", url).param("spend-item", String.valueOf(item)).param("spend-amount", "1,234.56")
				.param("spend-note", "进度款")).andExpect(status().is3xxRedirection());
		assertThat(count(sum, item) - before).isEqualTo(123456);

		String refused = mvc.perform(form("center", url).param("spend-item", String.valueOf(item))
				.param("spend-amount", "0").param("spend-note", "写错了")).andExpect(status().isBadRequest())
				.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"spend-amount-error\"", "写错了");
		// the shared labelled field (fragments/forms :: field): label, typed value kept, error state, hint, message
		assertThat(refused).contains("<label class=\"form-label\" for=\"spend-amount\">", "id=\"spend-amount-hint\"")
				.containsPattern(input("spend-amount", "class=\"form-control is-invalid\"", "maxlength=\"16\"",
						"inputmode=\"decimal\"", "value=\"0\"", "aria-describedby=\"spend-amount-hint spend-amount-error\""))
				.containsPattern(input("spend-note", "class=\"form-control\"", "maxlength=\"300\"", "value=\"写错了\"",
						"aria-describedby=\"spend-note-error\""))
				.containsPattern(input("spend-on", "type=\"date\"", "aria-describedby=\"spend-on-error\""))
				.doesNotContain("id=\"spend-note-hint\"");
		mvc.perform(form("center", url).param("spend-item", String.valueOf(item)).param("spend-amount", "1.234"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("spend-amount-error")));
		mvc.perform(form("center", url).param("spend-amount", "10")).andExpect(status().isBadRequest())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("spend-item-error")));
		mvc.perform(form("center", url).param("spend-item", String.valueOf(item)).param("spend-amount", "10")
				.param("spend-on", "2999-01-01")).andExpect(status().isBadRequest())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("spend-on-error")));
		assertThat(count("SELECT COUNT(*) FROM housing_spending") - rows).isEqualTo(1);

		assertThat(page("site1", "/construction/projects/" + project)).doesNotContain("id=\"spend-form\"");
		mvc.perform(form("site1", url).param("spend-item", String.valueOf(item)).param("spend-amount", "10"))
				.andExpect(status().isForbidden());
		assertThat(count("SELECT COUNT(*) FROM housing_spending") - rows).isEqualTo(1);
	}

	@Test
	void aSeekerATrainingSessionAndAPlacementAreRecordedFromTheProjectPage() throws Exception {
		long household = count("SELECT MIN(id) FROM housing_household WHERE project_id = ?", project);
		String base = "/construction/projects/" + project;
		assertThat(page("center", base)).contains("id=\"seeker-form\"", "id=\"session-form\"", "id=\"placement-form\"",
				"name=\"seeker-household\"", "name=\"session-attendees\"", "name=\"placement-employer\"",
				"name=\"spend-amount\"", "name=\"_csrf\"");
		long seekers = count("SELECT COUNT(*) FROM housing_job_seeker WHERE project_id = ?", project);
		mvc.perform(form("center", base + "/job-seekers").param("seeker-household", String.valueOf(household))
				.param("seeker-name", "李表单").param("seeker-wants", "WORK").param("seeker-skill", "木工"))
				.andExpect(status().is3xxRedirection());
		assertThat(count("SELECT COUNT(*) FROM housing_job_seeker WHERE project_id = ?", project) - seekers).isEqualTo(1);
		long seeker = count("SELECT MAX(id) FROM housing_job_seeker WHERE project_id = ?", project);
		assertThat(jdbc.sql("SELECT member_masked FROM housing_job_seeker WHERE id = ?").param(seeker)
				.query(String.class).single()).startsWith("李").doesNotContain("表单");

		String refused = mvc.perform(form("center", base + "/job-seekers")
				.param("seeker-household", String.valueOf(household)).param("seeker-name", " ")
				.param("seeker-wants", "WORK").param("seeker-skill", "瓦工")).andExpect(status().isBadRequest())
				.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"seeker-name-error\"", "瓦工");
		mvc.perform(form("center", base + "/job-seekers").param("seeker-household", "999999999")
				.param("seeker-name", "王").param("seeker-wants", "WORK")).andExpect(status().isBadRequest())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("seeker-household-error")));
		assertThat(count("SELECT COUNT(*) FROM housing_job_seeker WHERE project_id = ?", project) - seekers).isEqualTo(1);

		long sessions = count("SELECT COUNT(*) FROM housing_training_session WHERE project_id = ?", project);
		mvc.perform(form("center", base + "/training-sessions").param("session-title", "表单培训")
				.param("session-place", "村委会").param("session-attendees", String.valueOf(seeker)))
				.andExpect(status().is3xxRedirection());
		assertThat(count("SELECT COUNT(*) FROM housing_training_session WHERE project_id = ?", project) - sessions)
				.isEqualTo(1);
		long session = count("SELECT MAX(id) FROM housing_training_session WHERE project_id = ?", project);
		assertThat(count("SELECT COUNT(*) FROM housing_training_attendance WHERE session_id = ? AND seeker_id = ?",
				session, seeker)).isEqualTo(1);
		String noTitle = mvc.perform(form("center", base + "/training-sessions").param("session-title", "")
				.param("session-place", "祠堂").param("session-attendees", String.valueOf(seeker)))
				.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(noTitle).contains("id=\"session-title-error\"", "祠堂");
		mvc.perform(form("center", base + "/training-sessions").param("session-title", "x")
				.param("session-attendees", "99999999")).andExpect(status().isBadRequest())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("session-attendees-error")));
		assertThat(count("SELECT COUNT(*) FROM housing_training_session WHERE project_id = ?", project) - sessions)
				.isEqualTo(1);

		mvc.perform(form("center", base + "/placements").param("placement-seeker", String.valueOf(seeker))
				.param("placement-employer", " ")).andExpect(status().isBadRequest())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("placement-employer-error")));
		assertThat(count("SELECT COUNT(*) FROM housing_job_seeker WHERE id = ? AND placed_on IS NOT NULL", seeker))
				.isZero();
		mvc.perform(form("center", base + "/placements").param("placement-seeker", String.valueOf(seeker))
				.param("placement-employer", "县建筑公司")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT employer FROM housing_job_seeker WHERE id = ?").param(seeker).query(String.class)
				.single()).isEqualTo("县建筑公司");

		// the site manager sees none of these forms and is refused when posting anyway
		String manager = page("site1", base);
		assertThat(manager).doesNotContain("id=\"seeker-form\"", "id=\"session-form\"", "id=\"placement-form\"");
		mvc.perform(form("site1", base + "/job-seekers").param("seeker-household", String.valueOf(household))
				.param("seeker-name", "王").param("seeker-wants", "WORK")).andExpect(status().isForbidden());
		mvc.perform(form("site1", base + "/training-sessions").param("session-title", "x"))
				.andExpect(status().isForbidden());
		mvc.perform(form("site1", base + "/placements").param("placement-seeker", String.valueOf(seeker))
				.param("placement-employer", "x")).andExpect(status().isForbidden());
		assertThat(count("SELECT COUNT(*) FROM housing_job_seeker WHERE project_id = ?", project) - seekers).isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM housing_training_session WHERE project_id = ?", project) - sessions)
				.isEqualTo(1);
	}
}
