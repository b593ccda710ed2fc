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

/**
 * Login by form, identical failures, throttling by address before locking an account, logout, CSRF, and the audit
 * rows they leave.
 */
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

	/** Ten failures from one address refuse that address for 15 minutes; the account stays usable elsewhere. */
	@Test
	void aStrangerIsThrottledByAddressAndCannotLockTheAccount() throws Exception {
		String victim = newAccount("victim");
		String stranger = randomAddress();
		for (int i = 0; i < 10; i++) {
			mvc.perform(login(victim, "bad-" + i, stranger)).andExpect(redirectedUrl("/login?error"));
		}
		// the stranger's address is refused before any password is checked, by form and by Basic
		mvc.perform(login(victim, "Secret123", stranger)).andExpect(redirectedUrl("/login?throttled"));
		mvc.perform(get("/api/v1/me").with(httpBasic(victim, "Secret123")).with(from(stranger)))
				.andExpect(status().isTooManyRequests());
		assertThat(count(null, "LOGIN_THROTTLE")).isPositive();
		// the victim, from their own address, is not locked out
		assertThat(accounts.find(victim).orElseThrow().locked()).isFalse();
		mvc.perform(login(victim, "Secret123", randomAddress())).andExpect(redirectedUrl("/"));
		mvc.perform(get("/api/v1/me").with(httpBasic(victim, "Secret123")).with(from(randomAddress())))
				.andExpect(status().isOk());

		clock.advance(java.time.Duration.ofMinutes(15).plusSeconds(1));
		mvc.perform(login(victim, "Secret123", stranger)).andExpect(redirectedUrl("/"));
	}

	/** Failures from five addresses lock the account for 15 minutes; its API tokens keep working meanwhile. */
	@Test
	void failuresFromManyAddressesLockTheAccountButNotItsTokens() throws Exception {
		String name = newAccount("lock-me");
		String created = mvc.perform(post("/api/v1/tokens").with(httpBasic(name, "Secret123")).with(csrf())
				.contentType("application/json").content("{\"name\":\"kept\"}")).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		String bearer = "Bearer " + com.jayway.jsonpath.JsonPath.read(created, "$.token");
		for (int i = 0; i < 4; i++) {
			mvc.perform(login(name, "bad-" + i, randomAddress())).andExpect(redirectedUrl("/login?error"));
		}
		assertThat(accounts.find(name).orElseThrow().locked()).as("four addresses are not enough").isFalse();
		mvc.perform(login(name, "bad-5", randomAddress())).andExpect(redirectedUrl("/login?error"));

		// the right password no longer works, and the answer is the same as for any failure
		mvc.perform(login(name, "Secret123", randomAddress())).andExpect(redirectedUrl("/login?error"));
		mvc.perform(get("/api/v1/me").with(httpBasic(name, "Secret123")).with(from(randomAddress())))
				.andExpect(status().isUnauthorized());
		assertThat(count(name, "LOCKOUT")).isEqualTo(1);
		assertThat(accounts.find(name).orElseThrow().locked()).isTrue();
		java.time.OffsetDateTime until = jdbc.sql("SELECT locked_until FROM app_user WHERE username = ?").param(name)
				.query(java.time.OffsetDateTime.class).single();
		java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
		assertThat(until).isBetween(now.plusMinutes(14), now.plusMinutes(16));
		mvc.perform(get("/api/v1/me").header("Authorization", bearer)).andExpect(status().isOk());

		// once the lock has expired the account works again
		clock.advance(java.time.Duration.ofMinutes(15).plusSeconds(1));
		mvc.perform(get("/api/v1/me").with(httpBasic(name, "Secret123")).with(from(randomAddress())))
				.andExpect(status().isOk());
	}

	private String newAccount(String prefix) {
		String name = prefix + "-" + System.nanoTime();
		accounts.createDemoAccounts(java.util.List.of(new NewAccount(name, "Lock Me", "Secret123",
				java.util.Set.of(Role.LEADER), java.util.Set.of("320819000000"), null)), "Secret123");
		return name;
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder login(String user,
			String password, String address) {
		return post("/login").param("username", user).param("password", password).with(csrf()).with(from(address));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String randomAddress() {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
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
