package org.gridlink.admin;

import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.GRID1;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Users' scopes and staff assignments on the admin pages read as place names, the code small beside each. */
@WebTest
class AdminPlaceNamesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String page(String url) throws Exception {
		return mvc.perform(get(url).with(Demo.as("admin"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
	}

	String gridName() {
		return jdbc.sql("SELECT name FROM jurisdiction WHERE code = ?").param(GRID1).query(String.class).single();
	}

	/** The name, then its code in a small span right after it. */
	String named(String name, String code) {
		return name + "</span>\n  <span class=\"small text-muted font-monospace\">" + code + "</span>";
	}

	@Autowired
	org.gridlink.jurisdiction.Jurisdictions jurisdictions;

	@Test
	void theDirectoryNamesJurisdictionsAndPoliceGrids() {
		assertThat(jurisdictions.names(java.util.Set.of(GRID1, "nothing"))).containsExactly(java.util.Map.entry(GRID1, gridName()));
	}

	@Test
	void scopesAndAssignmentsShowNamesWithTheirCodes() throws Exception {
		long user = jdbc.sql("SELECT id FROM app_user WHERE username = 'grid1'").query(Long.class).single();
		long staff = jdbc.sql("SELECT id FROM staff WHERE username = 'grid1'").query(Long.class).single();
		assertThat(page("/admin/users?q=grid1")).contains(named(gridName(), GRID1));
		assertThat(page("/admin/users/" + user)).contains("id=\"scope-names\"").contains(named(gridName(), GRID1));
		assertThat(page("/admin/staff?q=" + jdbc.sql("SELECT name FROM staff WHERE id = ?").param(staff)
				.query(String.class).single())).contains(named(gridName(), GRID1));
		assertThat(page("/admin/staff/" + staff)).contains("id=\"assigned-names\"").contains(named(gridName(), GRID1));
	}
}
