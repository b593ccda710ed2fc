package org.gridlink.platform.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.Role;
import org.gridlink.support.Demo;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The optional TOTP second factor in demo mode (no role requires it): enrolment, the login's second step, replay,
 * recovery codes, throttling, switching off, an admin's reset; and the demo logs in with the password alone.
 */
@WebTest
class SecondFactorTest {

	static final String PASSWORD = "Second-factor-2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	SecondFactors secondFactors;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theDemoLogsInWithThePasswordAlone() throws Exception {
		assertThat(secondFactors.requiredRoles()).isEmpty();
		for (String user : List.of("admin", "auditor", "center")) {
			assertThat(new Signin(mvc).login(user, Demo.PASSWORD)).as(user).isEqualTo("/");
			mvc.perform(get("/api/v1/me").with(httpBasic(user, Demo.PASSWORD))).andExpect(status().isOk());
		}
	}

	@Test
	void enrolThenLogInWithACodeThatWorksOnceAndOnlyAfterAFullLoginMakeTokens() throws Exception {
		String name = newAccount("totp");
		Signin enrolling = new Signin(mvc);
		assertThat(enrolling.login(name, PASSWORD)).isEqualTo("/");
		assertThat(page(enrolling, "/account/second-factor")).contains("id=\"second-factor-off\"");
		enrolling.perform(post("/account/second-factor/enrol"));
		Authenticator app = Authenticator.scan(page(enrolling, "/account/second-factor"), clock);
		assertThat(jdbc.sql("SELECT secret FROM second_factor WHERE user_id = ?").param(id(name)).query(String.class)
			.single()).as("the secret is sealed").startsWith("v1:");

		// a wrong confirmation code keeps it off
		assertThat(body(enrolling.perform(post("/account/second-factor/confirm").param("code", app.staleCode())
			.param("lang", "en")))).contains("code-error", "not right");
		assertThat(secondFactors.state(id(name))).isEqualTo(SecondFactors.State.ENROLLING);
		String confirmCode = app.code();
		String shown = body(enrolling.perform(post("/account/second-factor/confirm").param("code", confirmCode)));
		List<String> recovery = Authenticator.recoveryCodes(shown);
		assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
		assertThat(secondFactors.state(id(name))).isEqualTo(SecondFactors.State.ON);
		assertThat(jdbc.sql("SELECT code_hash FROM second_factor_recovery WHERE user_id = ?").param(id(name))
			.query(String.class).list()).hasSize(10).doesNotContainAnyElementsOf(recovery);
		assertThat(count(name, "SECOND_FACTOR_ENABLE", AuditTrail.SUCCESS)).isEqualTo(1);

		// the password alone is not a login any more: pages lead to the code, the API and tokens refuse
		Signin login = new Signin(mvc);
		assertThat(login.login(name, PASSWORD)).isEqualTo("/login/code");
		assertThat(login.perform(get("/")).getResponse().getRedirectedUrl()).isEqualTo("/login/code");
		assertThat(login.perform(get("/api/v1/me")).getResponse().getStatus()).isEqualTo(401);
		assertThat(login.perform(post("/api/v1/tokens").contentType("application/json").content("{\"name\":\"x\"}"))
			.getResponse().getStatus()).isEqualTo(401);
		mvc.perform(get("/api/v1/me").with(httpBasic(name, PASSWORD))).andExpect(status().isUnauthorized());
		assertThat(page(login, "/login/code")).contains("id=\"code-form\"");

		// the code that confirmed the enrolment has been used: refused
		assertThat(body(login.perform(post("/login/code").param("code", confirmCode).param("lang", "en"))))
			.contains("code-error");
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		String code = app.code();
		String before = login.session.getValue();
		assertThat(login.perform(post("/login/code").param("code", code)).getResponse().getRedirectedUrl())
			.isEqualTo("/");
		assertThat(login.session.getValue()).as("a new session id after the second factor").isNotEqualTo(before);
		assertThat(login.perform(get("/api/v1/me")).getResponse().getStatus()).isEqualTo(200);
		assertThat(login.perform(post("/api/v1/tokens").contentType("application/json").content("{\"name\":\"ci\"}"))
			.getResponse().getStatus()).isEqualTo(201);
		assertThat(count(name, "LOGIN_SECOND_FACTOR", AuditTrail.SUCCESS)).isEqualTo(1);

		// the same code again, from another login within its window: refused
		Signin replay = new Signin(mvc);
		assertThat(replay.login(name, PASSWORD)).isEqualTo("/login/code");
		assertThat(replay.perform(post("/login/code").param("code", code)).getResponse().getRedirectedUrl()).isNull();
		assertThat(replay.perform(get("/api/v1/me")).getResponse().getStatus()).isEqualTo(401);

		// a recovery code works once
		Signin recovering = new Signin(mvc);
		recovering.login(name, PASSWORD);
		assertThat(recovering.perform(post("/login/code").param("code", recovery.get(3).toUpperCase()))
			.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(secondFactors.recoveryCodesLeft(id(name))).isEqualTo(9);
		Signin again = new Signin(mvc);
		again.login(name, PASSWORD);
		assertThat(again.perform(post("/login/code").param("code", recovery.get(3))).getResponse().getRedirectedUrl())
			.isNull();

		// switching off needs a valid code; then the password alone logs in again
		assertThat(body(login.perform(post("/account/second-factor/disable").param("code", app.staleCode())
			.param("lang", "en")))).contains("disable-code-error");
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		assertThat(login.perform(post("/account/second-factor/disable").param("code", app.code())).getResponse()
			.getRedirectedUrl()).isEqualTo("/account/second-factor");
		assertThat(secondFactors.state(id(name))).isEqualTo(SecondFactors.State.OFF);
		assertThat(new Signin(mvc).login(name, PASSWORD)).isEqualTo("/");
	}

	@Test
	void wrongCodesAreThrottledForTheAccount() throws Exception {
		String name = newAccount("totp-throttle");
		Authenticator app = enrol(name);
		Signin attacker = new Signin(mvc);
		assertThat(attacker.login(name, PASSWORD)).isEqualTo("/login/code");
		for (int i = 0; i < 5; i++) {
			assertThat(body(attacker.perform(post("/login/code").param("code", String.format("%06d", i))
				.param("lang", "en")))).contains("not right");
		}
		// from now on even the right code is refused, from any address, until the window has passed
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		assertThat(body(attacker.perform(post("/login/code").param("code", app.code()).param("lang", "en"))))
			.contains("Too many wrong codes");
		Signin owner = new Signin(mvc);
		owner.login(name, PASSWORD);
		assertThat(body(owner.perform(post("/login/code").param("code", app.code()).param("lang", "en"))))
			.contains("Too many wrong codes");
		assertThat(count(name, "LOGIN_SECOND_FACTOR", AuditTrail.DENIED)).isEqualTo(2);

		clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(owner.perform(post("/login/code").param("code", app.code())).getResponse().getRedirectedUrl())
			.isEqualTo("/");
	}

	@Test
	void anAdminResetsALostSecondFactor() throws Exception {
		String name = newAccount("totp-reset");
		enrol(name);
		Signin open = new Signin(mvc);
		assertThat(open.login(name, PASSWORD)).isEqualTo("/login/code");
		assertThat(body(mvc.perform(get("/admin/users/" + id(name)).with(Demo.as("admin"))).andReturn()))
			.contains("id=\"reset-second-factor\"");

		mvc.perform(post("/admin/users/" + id(name) + "/second-factor-reset").with(Demo.as("admin")))
			.andExpect(status().is3xxRedirection());
		assertThat(secondFactors.state(id(name))).isEqualTo(SecondFactors.State.OFF);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM second_factor_recovery WHERE user_id = ?").param(id(name))
			.query(Long.class).single()).isZero();
		assertThat(count(name, "SECOND_FACTOR_RESET", AuditTrail.SUCCESS)).isEqualTo(1);
		assertThat(open.perform(get("/login/code")).getResponse().getStatus()).as("its sessions ended")
			.isEqualTo(302);
		assertThat(new Signin(mvc).login(name, PASSWORD)).isEqualTo("/");
		// an admin does not reset their own
		mvc.perform(post("/admin/users/" + id("admin") + "/second-factor-reset").with(Demo.as("admin")))
			.andExpect(status().isOk());
	}

	/** Enrols the account through its pages; returns its authenticator with the enrolment's step already used. */
	private Authenticator enrol(String name) throws Exception {
		Signin signin = new Signin(mvc);
		signin.login(name, PASSWORD);
		signin.perform(post("/account/second-factor/enrol"));
		Authenticator app = Authenticator.scan(page(signin, "/account/second-factor"), clock);
		signin.perform(post("/account/second-factor/confirm").param("code", app.code()));
		assertThat(secondFactors.state(id(name))).isEqualTo(SecondFactors.State.ON);
		clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
		return app;
	}

	private static String page(Signin signin, String path) throws Exception {
		return body(signin.perform(get(path).param("lang", "en")));
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString();
	}

	private String newAccount(String prefix) {
		String name = prefix + "-" + System.nanoTime();
		accounts.createDemoAccounts(List.of(new NewAccount(name, "TOTP User", PASSWORD, Set.of(Role.LEADER),
				Set.of(Demo.DISTRICT), null)), PASSWORD);
		return name;
	}

	private long id(String name) {
		return accounts.find(name).orElseThrow().id();
	}

	private long count(String user, String action, String outcome) {
		return audit.search(new AuditQuery(null, action, user, outcome, null, null, null), PageRequest.of(0, 1))
			.getTotalElements();
	}
}
