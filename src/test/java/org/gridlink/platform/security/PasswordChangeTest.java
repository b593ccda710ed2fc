package org.gridlink.platform.security;

import java.util.List;
import java.util.Set;

import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.Role;
import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** A user changes their own password; an admin forces a reset that must be changed at the next login. */
@WebTest
class PasswordChangeTest {

	static final String OLD = "Old-pass-2026";
	static final String NEW = "river stone lantern";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Test
	void changingTheOwnPasswordNeedsTheCurrentOneAndEndsTheOtherSessions() throws Exception {
		String name = newAccount("pwchange");
		Signin here = new Signin(mvc);
		Signin elsewhere = new Signin(mvc);
		assertThat(here.login(name, OLD)).isEqualTo("/");
		assertThat(elsewhere.login(name, OLD)).isEqualTo("/");
		assertThat(here.perform(get("/account/password").param("lang", "en")).getResponse().getContentAsString())
			.contains("id=\"password-form\"", "At least 10 characters");
		long version = version(name);

		// wrong current password, a common new one, a repeat that differs: refused with the field's message
		String wrong = here.perform(change("not-my-password", NEW, NEW)).getResponse().getContentAsString();
		assertThat(wrong).contains("The current password is not right", "currentPassword-error");
		assertThat(here.perform(change(OLD, "woaini1314", "woaini1314")).getResponse().getContentAsString())
			.contains("commonly used passwords", "newPassword-error");
		assertThat(here.perform(change(OLD, "short", "short")).getResponse().getContentAsString())
			.contains("at least 10 characters");
		assertThat(here.perform(change(OLD, NEW, NEW + "x")).getResponse().getContentAsString())
			.contains("repeatPassword-error");
		assertThat(here.perform(change(OLD, name + "-2026-x", name + "-2026-x")).getResponse().getContentAsString())
			.contains("must not contain the user name");
		assertThat(version(name)).isEqualTo(version);
		assertThat(count(name, "PASSWORD_CHANGE", AuditTrail.FAILURE)).isEqualTo(1);

		MvcResult changed = here.perform(change(OLD, NEW, NEW));
		assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
		assertThat(version(name)).as("security_version bumped").isEqualTo(version + 1);
		assertThat(count(name, "PASSWORD_CHANGE", AuditTrail.SUCCESS)).isEqualTo(1);
		// this session goes on, the other one has ended
		assertThat(here.perform(get("/api/v1/me")).getResponse().getStatus()).isEqualTo(200);
		assertThat(elsewhere.perform(get("/api/v1/me")).getResponse().getStatus()).isEqualTo(401);
		// the new password works, the old one no longer
		assertThat(new Signin(mvc).login(name, OLD)).isEqualTo("/login?error");
		assertThat(new Signin(mvc).login(name, NEW)).isEqualTo("/");
	}

	@Test
	void theApiChangesThePasswordWithTheCurrentOne() throws Exception {
		String name = newAccount("pwapi");
		mvc.perform(post("/api/v1/me/password").with(basic(name, OLD)).contentType("application/json")
			.content("{\"currentPassword\":\"wrong-one-here\",\"newPassword\":\"" + NEW + "\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").exists());
		mvc.perform(post("/api/v1/me/password").with(basic(name, OLD)).contentType("application/json")
			.content("{\"currentPassword\":\"" + OLD + "\",\"newPassword\":\"1234567890\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/me/password").with(basic(name, OLD)).contentType("application/json")
			.content("{\"currentPassword\":\"" + OLD + "\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/me/password").with(basic(name, OLD)).contentType("application/json")
			.content("{\"currentPassword\":\"" + OLD + "\",\"newPassword\":\"" + NEW + "\"}"))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").with(httpBasic(name, OLD))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").with(httpBasic(name, NEW))).andExpect(status().isOk());
	}

	@Test
	void anAdminsResetMustBeChangedAtTheNextLoginBeforeAnythingElse() throws Exception {
		String name = newAccount("pwreset");
		AccountView account = accounts.find(name).orElseThrow();
		Signin before = new Signin(mvc);
		assertThat(before.login(name, OLD)).isEqualTo("/");

		MvcResult reset = mvc.perform(post("/admin/users/" + account.id() + "/password-reset").with(Demo.as("admin")))
			.andExpect(redirectedUrl("/admin/users/" + account.id())).andReturn();
		String temporary = (String) reset.getFlashMap().get("temporaryPassword");
		jakarta.servlet.http.Cookie adminSession = reset.getResponse().getCookie("SESSION");
		assertThat(temporary).matches("[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{2}");
		// shown once: on the page after the redirect, not when the page is opened again
		assertThat(mvc.perform(get("/admin/users/" + account.id()).with(Demo.as("admin")).cookie(adminSession))
			.andReturn().getResponse().getContentAsString()).contains("id=\"temporary-password-value\">" + temporary);
		assertThat(mvc.perform(get("/admin/users/" + account.id()).with(Demo.as("admin")).cookie(adminSession))
			.andReturn().getResponse().getContentAsString()).doesNotContain(temporary);
		assertThat(count(name, "PASSWORD_RESET", AuditTrail.SUCCESS)).isEqualTo(1);
		// the open session has ended, the old password is gone
		assertThat(before.perform(get("/api/v1/me")).getResponse().getStatus()).isEqualTo(401);
		assertThat(new Signin(mvc).login(name, OLD)).isEqualTo("/login?error");

		Signin user = new Signin(mvc);
		assertThat(user.login(name, temporary)).isEqualTo("/account/password");
		// nothing else until the password is changed: pages lead back, the API refuses, Basic too
		assertThat(user.perform(get("/")).getResponse().getRedirectedUrl()).isEqualTo("/account/password");
		assertThat(user.perform(get("/account/tokens")).getResponse().getRedirectedUrl()).isEqualTo("/account/password");
		assertThat(user.perform(get("/api/v1/me")).getResponse().getStatus()).isEqualTo(401);
		assertThat(user.perform(post("/api/v1/tokens").contentType("application/json").content("{\"name\":\"x\"}"))
			.getResponse().getStatus()).isEqualTo(401);
		mvc.perform(get("/api/v1/me").with(httpBasic(name, temporary))).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("修改密码")));
		assertThat(user.perform(get("/account/password").param("lang", "en")).getResponse().getContentAsString())
			.contains("id=\"password-forced\"");

		assertThat(user.perform(change(temporary, temporary, temporary)).getResponse().getContentAsString())
			.contains("must differ");
		assertThat(user.perform(change(temporary, NEW, NEW)).getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(user.perform(get("/")).getResponse().getStatus()).isEqualTo(200);
		assertThat(accounts.mustChangePassword(name)).isFalse();
		mvc.perform(get("/api/v1/me").with(httpBasic(name, NEW))).andExpect(status().isOk());
		assertThat(new Signin(mvc).login(name, NEW)).isEqualTo("/");
	}

	@Test
	void anAdminCannotResetTheirOwnOrAnAuditorsPasswordNorOneOutsideTheirScope() throws Exception {
		long admin = accounts.find("admin").orElseThrow().id();
		long auditor = accounts.find("auditor").orElseThrow().id();
		mvc.perform(post("/admin/users/" + admin + "/password-reset").with(Demo.as("admin")))
			.andExpect(status().isOk()).andExpect(flash().attributeCount(0));
		mvc.perform(post("/admin/users/" + auditor + "/password-reset").with(Demo.as("admin")))
			.andExpect(status().isOk()).andExpect(flash().attributeCount(0));
		assertThat(accounts.mustChangePassword("admin")).isFalse();
		assertThat(accounts.mustChangePassword("auditor")).isFalse();

		String streetAdmin = "stadmin-" + System.nanoTime();
		accounts.createDemoAccounts(List.of(new NewAccount(streetAdmin, "Street admin", OLD, Set.of(Role.ADMIN),
				Set.of(Demo.STREET1), null)), OLD);
		String outside = "outside-" + System.nanoTime();
		accounts.createDemoAccounts(List.of(new NewAccount(outside, "Outside", OLD, Set.of(Role.LEADER),
				Set.of(Demo.GRID2), null)), OLD);
		mvc.perform(post("/admin/users/" + accounts.find(outside).orElseThrow().id() + "/password-reset")
			.with(Demo.as(streetAdmin))).andExpect(status().isForbidden());
		assertThat(accounts.mustChangePassword(outside)).isFalse();
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder change(String current,
			String next, String repeat) {
		return post("/account/password").param("currentPassword", current).param("newPassword", next)
			.param("repeatPassword", repeat).param("lang", "en");
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor basic(String name, String password) {
		return request -> org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.csrf().postProcessRequest(httpBasic(name, password).postProcessRequest(request));
	}

	private String newAccount(String prefix) {
		String name = prefix + "-" + System.nanoTime();
		accounts.createDemoAccounts(List.of(new NewAccount(name, "Password User", OLD, Set.of(Role.LEADER),
				Set.of(Demo.DISTRICT), null)), OLD);
		return name;
	}

	private long version(String name) {
		return jdbc.sql("SELECT security_version FROM app_user WHERE username = ?").param(name).query(Long.class)
			.single();
	}

	private long count(String user, String action, String outcome) {
		return audit.search(new AuditQuery(null, action, user, outcome, null, null, null), PageRequest.of(0, 1))
			.getTotalElements();
	}
}
