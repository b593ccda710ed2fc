package org.gridlink.platform;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Sessions live in the database (so instances stay stateless) and expire after 30 idle minutes. */
@WebTest
class SessionTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loginCreatesADatabaseSessionWithThirtyMinuteIdleTimeout() throws Exception {
		mvc.perform(formLogin("/login").user("inspector1").password("Demo#2026")).andExpect(redirectedUrl("/"));
		Integer timeout = jdbc.sql("""
				SELECT MAX(max_inactive_interval) FROM spring_session WHERE principal_name = 'inspector1'""")
				.query(Integer.class).single();
		assertThat(timeout).isEqualTo(30 * 60);
	}

	@Autowired
	Accounts accounts;

	@Test
	void disablingAUserEndsTheirOpenSessions() throws Exception {
		String name = "session-" + System.nanoTime();
		accounts.createDemoAccounts(java.util.List.of(new NewAccount(name, "Session User", "Secret123",
				java.util.Set.of(Role.LEADER), java.util.Set.of("320819000000"), null)), "Secret123");
		var login = mvc.perform(formLogin("/login").user(name).password("Secret123")).andExpect(redirectedUrl("/"))
				.andReturn();
		jakarta.servlet.http.Cookie session = login.getResponse().getCookie("SESSION");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/me")
				.cookie(session)).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());

		accounts.setEnabled(name, false);

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/me")
				.cookie(session)).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
						.isUnauthorized());
	}
}
