package org.gridlink.platform;

import org.gridlink.support.TestClock;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** Login by form, identical failures, lockout after 5 failures, logout, CSRF, and the audit rows they leave. */
@WebTest
class LoginAndLockoutTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void formLoginLandsOnHomeAndIsAudited() throws Exception {
		long before = count("center", "LOGIN");
		mvc.perform(formLogin("/login").user("center").password("Demo#2026")).andExpect(redirectedUrl("/"));
		assertThat(count("center", "LOGIN")).isEqualTo(before + 1);
	}

	@Test
	void unknownUserAndWrongPasswordGetTheIdenticalAnswer() throws Exception {
		MvcResult unknown = mvc.perform(formLogin("/login").user("nobody-here").password("x")).andReturn();
		MvcResult wrong = mvc.perform(formLogin("/login").user("leader").password("wrong-password")).andReturn();
		assertThat(unknown.getResponse().getStatus()).isEqualTo(wrong.getResponse().getStatus());
		assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo(wrong.getResponse().getRedirectedUrl())
				.isEqualTo("/login?error");
		assertThat(count("nobody-here", "LOGIN_FAILURE")).isPositive();
		mvc.perform(get("/api/v1/me").with(httpBasic("nobody-here", "x"))).andExpect(status().isUnauthorized());
	}

	@Test
	void fiveFailuresLockTheAccountForFifteenMinutes() throws Exception {
		accounts.createDemoAccounts(java.util.List.of(new NewAccount("lock-me", "Lock Me", "Secret123",
				java.util.Set.of(Role.LEADER), java.util.Set.of("320819000000"), null)), "Secret123");
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin("/login").user("lock-me").password("bad-" + i)).andExpect(redirectedUrl("/login?error"));
		}
		// the right password no longer works, and the answer is the same as for any failure
		mvc.perform(formLogin("/login").user("lock-me").password("Secret123")).andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/api/v1/me").with(httpBasic("lock-me", "Secret123"))).andExpect(status().isUnauthorized());
		assertThat(count("lock-me", "LOCKOUT")).isEqualTo(1);
		assertThat(accounts.find("lock-me").orElseThrow().locked()).isTrue();
		java.time.OffsetDateTime until = jdbc.sql("SELECT locked_until FROM app_user WHERE username = 'lock-me'")
				.query(java.time.OffsetDateTime.class).single();
		assertThat(until).isBetween(java.time.OffsetDateTime.now().plusMinutes(14),
				java.time.OffsetDateTime.now().plusMinutes(16));

		// once the lock has expired the account works again
		clock.advance(java.time.Duration.ofMinutes(15).plusSeconds(1));
		mvc.perform(get("/api/v1/me").with(httpBasic("lock-me", "Secret123"))).andExpect(status().isOk());
	}

	@Test
	void logoutIsAudited() throws Exception {
		long before = count("leader", "LOGOUT");
		mvc.perform(post("/logout").accept("text/html").with(csrf()).with(org.springframework.security.test.web.servlet.request
				.SecurityMockMvcRequestPostProcessors.user("leader"))).andExpect(redirectedUrl("/login?logout"));
		assertThat(count("leader", "LOGOUT")).isGreaterThan(before);
	}

	@Test
	void formPostsWithoutCsrfTokenAreRefused() throws Exception {
		mvc.perform(post("/login").param("username", "center").param("password", "Demo#2026"))
				.andExpect(status().isForbidden());
	}

	@Test
	void pagesRedirectAnonymousUsersToLogin() throws Exception {
		mvc.perform(get("/jurisdictions")).andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/login"));
	}

	@Test
	void securityHeadersAreSet() throws Exception {
		mvc.perform(get("/login")).andExpect(status().isOk())
				.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'")))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
	}

	private long count(String user, String action) {
		return audit.search(new AuditQuery(user, action, null, null, null, null, null), PageRequest.of(0, 1))
				.getTotalElements();
	}
}
