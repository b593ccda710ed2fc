package org.gridlink.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The case and resident lists carry their phone form: filters in a collapse opened by one button (always open from
 * 992 px), cards shown below 768 px and the table from 768 px (the case list: one set of rows, a table styled as
 * cards below 768 px). FieldPhoneBrowserTest checks what a phone shows.
 */
@WebTest
class PhoneListMarkupTest {

	@Autowired
	MockMvc mvc;

	@Test
	void casesFoldTheirFiltersAndComeAsCardsOnAPhone() throws Exception {
		// the centre: the demo's grid 1 may have no case when this runs alone
		mvc.perform(get("/cases").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-bs-target=\"#case-filters-box\"")))
				.andExpect(content().string(containsString("class=\"collapse d-lg-block\" id=\"case-filters-box\"")))
				.andExpect(content().string(containsString("gl-card-rows\" id=\"cases\"")))
				.andExpect(content().string(containsString("<td class=\"d-md-none small text-muted gl-break\">")))
				.andExpect(content().string(containsString("<td class=\"d-none d-md-table-cell\">")))
				.andExpect(content().string(not(containsString("case-cards"))));
	}

	@Test
	void theCasesRowsAreWrittenOnceForBothWidths() throws Exception {
		String page = mvc.perform(get("/cases").with(as("center"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		int rows = page.split("<tr data-case=\"", -1).length - 1;
		assertThat(rows).as("rows on the first page").isPositive();
		Matcher link = Pattern.compile("href=\"/cases/(\\d+)\"").matcher(page);
		List<String> links = new ArrayList<>();
		while (link.find()) {
			links.add(link.group(1));
		}
		assertThat(links).as("one link per case").hasSize(rows).doesNotHaveDuplicates();
	}

	@Test
	void residentsFoldTheirFiltersAndComeAsCardsOnAPhone() throws Exception {
		mvc.perform(get("/residents").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-bs-target=\"#resident-filters-box\"")))
				.andExpect(content().string(containsString("class=\"collapse d-lg-block\" id=\"resident-filters-box\"")))
				.andExpect(content().string(containsString("data-resident-card=")))
				.andExpect(content().string(containsString("class=\"table-responsive d-none d-md-block\"")));
	}
}
