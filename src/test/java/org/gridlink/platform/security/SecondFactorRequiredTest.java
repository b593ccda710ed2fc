package org.gridlink.platform.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.Role;
import org.gridlink.support.Demo;
import org.gridlink.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The second factor required for ADMIN, AUDITOR and CENTER, as production mode configures it (its own context with
 * the property; new accounts, so the shared demo users are untouched): an account that has none is sent to
 * enrolment right after the password and can do nothing else; HTTP Basic is refused; tokens come after the full
 * login; other roles log in with the password alone.
 */
@SpringBootTest(properties = "gridlink.security.second-factor-required-roles=ADMIN,AUDITOR,CENTER")
@AutoConfigureMockMvc
class SecondFactorRequiredTest {

	static final String PASSWORD = "Required-factor-2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	SecondFactors secondFactors;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aCenterAccountWithoutSecondFactorCanOnlyEnrol() throws Exception {
		assertThat(secondFactors.requiredRoles()).containsExactlyInAnyOrder(Role.ADMIN, Role.AUDITOR, Role.CENTER);
		String name = newAccount("req-center", Role.CENTER);

		// Basic is refused with the reason, before and after enrolment
		mvc.perform(get("/api/v1/me").with(httpBasic(name, PASSWORD))).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("HTTP Basic")));
		mvc.perform(post("/api/v1/tokens").with(httpBasic(name, PASSWORD)).with(csrf())
			.contentType("application/json").content("{\"name\":\"x\"}")).andExpect(status().isUnauthorized());

		Signin signin = new Signin(mvc);
		assertThat(signin.login(name, PASSWORD)).isEqualTo("/account/second-factor");
		for (String page : List.of("/", "/cases", "/account/tokens", "/account/password")) {
			assertThat(signin.perform(get(page)).getResponse().getRedirectedUrl()).as(page)
				.isEqualTo("/account/second-factor");
		}
		assertThat(signin.perform(get("/api/v1/me")).getResponse().getStatus()).isEqualTo(401);
		assertThat(signin.perform(post("/api/v1/tokens").contentType("application/json").content("{\"name\":\"x\"}"))
			.getResponse().getStatus()).isEqualTo(401);
		String page = signin.perform(get("/account/second-factor").param("lang", "en")).getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"second-factor-required-now\"", "id=\"enrol\"");

		signin.perform(post("/account/second-factor/enrol"));
		Authenticator app = Authenticator.scan(
				signin.perform(get("/account/second-factor")).getResponse().getContentAsString(), clock);
		String shown = signin.perform(post("/account/second-factor/confirm").param("code", app.code())).getResponse()
			.getContentAsString();
		assertThat(Authenticator.recoveryCodes(shown)).hasSize(10);
		assertThat(shown).contains("id=\"continue\" href=\"/\"");
		// enrolled in this session: the login is complete, tokens can be made now
		assertThat(signin.perform(get("/")).getResponse().getStatus()).isEqualTo(200);
		assertThat(signin.perform(post("/api/v1/tokens").contentType("application/json").content("{\"name\":\"ci\"}"))
			.getResponse().getStatus()).isEqualTo(201);
		// it cannot be switched off
		assertThat(signin.perform(post("/account/second-factor/disable").param("code", app.code()).param("lang", "en"))
			.getResponse().getContentAsString()).contains("cannot be switched off");
		assertThat(secondFactors.state(accounts.find(name).orElseThrow().id())).isEqualTo(SecondFactors.State.ON);
		mvc.perform(get("/api/v1/me").with(httpBasic(name, PASSWORD))).andExpect(status().isUnauthorized());

		// the next login asks for the code
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		Signin next = new Signin(mvc);
		assertThat(next.login(name, PASSWORD)).isEqualTo("/login/code");
		assertThat(next.perform(post("/login/code").param("code", app.code())).getResponse().getRedirectedUrl())
			.isEqualTo("/");
	}

	@Test
	void otherRolesLogInWithThePasswordAloneAndKeepBasic() throws Exception {
		String name = newAccount("req-leader", Role.LEADER);
		assertThat(new Signin(mvc).login(name, PASSWORD)).isEqualTo("/");
		mvc.perform(get("/api/v1/me").with(httpBasic(name, PASSWORD))).andExpect(status().isOk());
	}

	@Test
	void aForcedPasswordChangeComesAfterTheEnrolment() throws Exception {
		String name = newAccount("req-admin", Role.ADMIN);
		String temporary = accounts.resetPassword(name);
		Signin signin = new Signin(mvc);
		assertThat(signin.login(name, temporary)).isEqualTo("/account/second-factor");
		assertThat(signin.perform(get("/account/password")).getResponse().getRedirectedUrl())
			.isEqualTo("/account/second-factor");
		signin.perform(post("/account/second-factor/enrol"));
		Authenticator app = Authenticator.scan(
				signin.perform(get("/account/second-factor")).getResponse().getContentAsString(), clock);
		assertThat(signin.perform(post("/account/second-factor/confirm").param("code", app.code())).getResponse()
			.getContentAsString()).contains("id=\"continue\" href=\"/account/password\"");
		assertThat(signin.perform(get("/")).getResponse().getRedirectedUrl()).isEqualTo("/account/password");
		assertThat(signin.perform(post("/account/password").param("currentPassword", temporary)
			.param("newPassword", "a new admin phrase").param("repeatPassword", "a new admin phrase")).getResponse()
			.getRedirectedUrl()).isEqualTo("/");
		assertThat(signin.perform(get("/")).getResponse().getStatus()).isEqualTo(200);
	}

	private String newAccount(String prefix, Role role) {
		String name = prefix + "-" + System.nanoTime();
		accounts.createDemoAccounts(List.of(new NewAccount(name, "Required", PASSWORD, Set.of(role),
				Set.of(Demo.DISTRICT), null)), PASSWORD);
		return name;
	}
}
