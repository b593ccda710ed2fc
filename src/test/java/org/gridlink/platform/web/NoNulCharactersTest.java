package org.gridlink.platform.web;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A NUL character in any parameter is bad input (400) on pages, the API and Open311 — never a database error. */
@WebTest
class NoNulCharactersTest {

	@Autowired
	MockMvc mvc;

	@Test
	void aNulCharacterIsRefusedAsBadInputEverywhere() throws Exception {
		mvc.perform(get("/residents").param("q", "张\0").with(as("community1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/cases").param("q", "\0").with(as("center"))).andExpect(status().isBadRequest());
		mvc.perform(get("/open311/v2/requests.json").param("service_code", "E01\0")).andExpect(status().isBadRequest());
		mvc.perform(get("/residents").param("q", "张").with(as("community1"))).andExpect(status().isOk());
	}
}
