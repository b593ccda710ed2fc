package org.gridlink.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input in a page's address answers 400 with a page that says what was wrong — never a 500 (MockMvc would
 * throw the unhandled exception here instead of answering).
 */
@WebTest
class BadInputPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aJurisdictionThatIsNotOneKeepsTheResidentsForm() throws Exception {
		mvc.perform(get("/residents").param("jurisdiction", "x").param("q", "王").with(as("center")))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"filter-error\"")))
				.andExpect(content().string(containsString("id=\"resident-filters\"")))
				.andExpect(content().string(containsString("value=\"x\"")))
				.andExpect(content().string(containsString("value=\"王\"")));
	}

	@Test
	void aNegativePageOfTheCheckpointsIsABadRequest() throws Exception {
		mvc.perform(get("/checkpoints").param("page", "-1").with(as("center"))).andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"bad-input-message\"")))
				.andExpect(content().string(containsString("href=\"/checkpoints\"")));
	}

	/** Every list page with a jurisdiction, page or size parameter, as a user who may read it. */
	static final String[][] LIST_PAGES = { { "center", "/residents" }, { "center", "/cases" },
			{ "center", "/cases/kpis" }, { "center", "/cases/kpis/cases?metric=reports&" }, { "center", "/checkpoints" },
			{ "center", "/passes" }, { "center", "/quarantine/contacts" }, { "center", "/quarantine/orders" },
			{ "center", "/quarantine/monitoring/people" }, { "center", "/quarantine/alerts" },
			{ "admin", "/admin/users" }, { "admin", "/admin/units" }, { "admin", "/admin/staff" },
			{ "admin", "/admin/compounds" }, { "auditor", "/audit" } };

	static final String[] BAD_VALUES = { "jurisdiction=x", "jurisdiction=%3Cb%3E", "page=-1", "page=x",
			"page=99999999999", "size=-5", "size=x", "under=x", "unit=x" };

	@Test
	void noListPageAnswers500ToBadValues() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (String[] page : LIST_PAGES) {
			for (String bad : BAD_VALUES) {
				String url = page[1] + (page[1].endsWith("&") ? "" : "?") + bad;
				MvcResult result;
				try {
					result = mvc.perform(get(url).with(as(page[0]))).andReturn();
				}
				catch (Exception ex) {
					wrong.add(url + " threw " + ex);
					continue;
				}
				int status = result.getResponse().getStatus();
				if (status != 200 && status != 400) {
					wrong.add(url + " answered " + status);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}
}
