package org.gridlink.cases;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;


import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * A case's page reads in words: the history names the source, the unit dispatched to, the outcome and the rating in
 * the reader's language and people by name with their unit (the rows keep the raw values); the step the case waits
 * for is the one primary button, the setbacks look different.
 */
@WebTest
class CaseWordsPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long report(String description) throws Exception {
		return CaseRequests.reportInGrid1(mvc, description);
	}

	void api(String user, long id, String action, String body) throws Exception {
		CaseRequests.step(mvc, user, id, action, body, "zh-CN").andExpect(status().isOk());
	}

	String page(String user, long id, String lang) throws Exception {
		return mvc.perform(get("/cases/" + id).param("lang", lang).with(as(user))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
	}

	static String text(String html) {
		return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
	}

	String displayName(String username) {
		return jdbc.sql("SELECT display_name FROM app_user WHERE username = ?").param(username).query(String.class)
				.single();
	}

	@Test
	void theHistoryReadsInWordsAndNamesPeople() throws Exception {
		long id = report("历史用语");
		api("center", id, "file", "{}");
		api("center", id, "dispatch", "{\"unitId\":2}");
		api("dept1", id, "accept", "{}");
		api("dept1", id, "feedback", "{\"note\":\"已清理\"}");
		assertThat(page("center", id, "zh-CN")).as("handled: the clock is paused until verification")
				.contains("gl-flag-paused");
		api("center", id, "verify", "{\"passed\":true}");
		api("center", id, "close", "{}");
		api("grid1", id, "evaluate", "{\"satisfaction\":2}");
		assertThat(jdbc.sql("SELECT note FROM case_event WHERE case_id = ? AND action = 'dispatch'").param(id)
				.query(String.class).single()).as("the row keeps the raw detail").contains("[unit=2]");

		String evaluated = page("center", id, "zh-CN");
		assertThat(evaluated).as("a closed case's clock is not paused: it has stopped for good")
				.doesNotContain("gl-flag-paused");
		String zh = text(evaluated);
		assertThat(zh).contains("上报 · 网格员上报", "派往 区城市管理局", "核查通过", "评价“基本满意”", displayName("dept1") + " （区城市管理局）",
				displayName("grid1"), "已清理");
		String en = text(page("center", id, "en"));
		assertThat(en).contains("Grid worker", "to 区城市管理局", "passed", "rated “Fairly satisfied”");
		for (String t : new String[] { zh, en }) {
			assertThat(t).doesNotContain("[unit=", "[passed]", "[satisfaction=", "GRID_WORKER", "· dept1", "· grid1",
					"· center", "??");
		}
	}

	@Test
	void theStepTheCaseWaitsForIsThePrimaryButton() throws Exception {
		long id = report("下一步");
		String reported = page("center", id, "zh-CN");
		assertThat(button(reported, "file")).contains("btn-primary");
		assertThat(button(reported, "reject")).contains("btn-outline-danger").doesNotContain("btn-primary");
		assertThat(button(reported, "void")).contains("btn-outline-danger");
		assertThat(button(reported, "urge")).contains("btn-outline-secondary");
		api("center", id, "file", "{}");
		api("center", id, "dispatch", "{\"unitId\":2}");
		String dispatched = page("dept1", id, "zh-CN");
		assertThat(button(dispatched, "accept")).contains("btn-primary");
		assertThat(button(dispatched, "return")).contains("btn-outline-danger");
		assertThat(button(dispatched, "extend")).contains("btn-outline-secondary");
		assertThat(dispatched.split("btn-primary gl-next-step", -1)).as("one primary step").hasSize(2);
	}

	@Test
	void anUnknownPlaceOnTheFileFormComesBackBesideItsField() throws Exception {
		long id = report("未知位置");
		String unknown = GRID1.substring(0, 12) + "999";
		var posted = mvc.perform(post("/cases/" + id + "/actions/file").with(as("center")).param("version", "0")
				.param("jurisdictionCode", unknown).param("note", "改到别处"))
				.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("placeError", true))
				.andExpect(flash().attribute("typedPlace", unknown))
				.andExpect(flash().attribute("typedNote", "改到别处")).andReturn();
		// the page after the redirect, in the same session (the flash attributes live in the JDBC session)
		String html = mvc.perform(get("/cases/" + id).with(as("center"))
				.cookie(posted.getResponse().getCookie("SESSION")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("id=\"file-place-error\"", "value=\"" + unknown + "\"", "aria-describedby=\"file-place-error\"");
	}

	@Test
	void aPublicReportIsByAResidentNotByAUsername(@Autowired CaseHistoryLines lines) {
		assertThat(lines.person("public", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("群众（公众上报）");
		assertThat(lines.person("open311:citizen-app", java.util.Locale.ENGLISH)).isEqualTo("Open311 app citizen-app");
		assertThat(lines.person("system", java.util.Locale.ENGLISH)).isEqualTo("System");
		assertThat(lines.person("nobody-has-this", java.util.Locale.ENGLISH)).isEqualTo("nobody-has-this");
	}

	/** The class attribute of the submit button of one step's form. */
	static String button(String html, String path) {
		int at = html.indexOf("id=\"do-" + path + "\"");
		assertThat(at).as("the %s button", path).isPositive();
		int start = html.lastIndexOf('<', at);
		return html.substring(start, html.indexOf('>', at));
	}
}
