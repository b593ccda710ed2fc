package org.gridlink.platform.web;

import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The case and resident lists carry their phone form: filters in a collapse opened by one button (always open from
 * 992 px), cards shown below 768 px and the table from 768 px. FieldPhoneBrowserTest checks what a phone shows.
 */
@WebTest
class PhoneListMarkupTest {

	@Autowired
	MockMvc mvc;

	@Test
	void casesFoldTheirFiltersAndComeAsCardsOnAPhone() throws Exception {
		mvc.perform(get("/cases").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-bs-target=\"#case-filters-box\"")))
				.andExpect(content().string(containsString("class=\"collapse d-lg-block\" id=\"case-filters-box\"")))
				.andExpect(content().string(containsString("class=\"d-md-none\" id=\"case-cards\"")))
				.andExpect(content().string(containsString("data-case-card=")))
				.andExpect(content().string(containsString("class=\"table-responsive d-none d-md-block\"")));
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
