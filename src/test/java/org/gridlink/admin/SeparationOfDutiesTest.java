package org.gridlink.admin;

import java.util.Set;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.Role;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The system admin can neither read the audit trail nor make or change an auditor (separation of duties). */
@WebTest
class SeparationOfDutiesTest {

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void adminCannotReadTheAuditTrailByPageOrApi() throws Exception {
		mvc.perform(get("/audit").with(as("admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit").with(as("admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit").with(as("auditor"))).andExpect(status().isOk());
	}

	@Test
	void theAuditApiTakesItsFiltersAsOneQuery() throws Exception {
		mvc.perform(get("/api/v1/audit").with(as("auditor")).param("username", "nobody-at-all")
				.param("from", "2026-01-01").param("to", "2026-12-31")).andExpect(status().isOk())
				.andExpect(jsonPath("$.page.totalElements").value(0));
		mvc.perform(get("/api/v1/audit").with(as("auditor")).param("from", "01/02/2026"))
				.andExpect(status().isBadRequest());
	}

	@Test
	void adminCannotGrantTheAuditorRoleNorTouchAnAuditor() {
		signInAs("admin");
		String name = Unique.name("sod");
		assertThat(accounts.problemsOf(new NewAccount(name, "Someone", "Good-2026-a", Set.of(Role.AUDITOR), Set.of(),
				null))).extracting(e -> e.column()).contains("roles");
		accounts.create(new NewAccount(name, "Someone", "Good-2026-a", Set.of(Role.LEADER), Set.of(), null));
		assertThatThrownBy(() -> accounts.setRoles(name, Set.of(Role.AUDITOR)))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> accounts.setEnabled("auditor", false)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> accounts.setRoles("auditor", Set.of(Role.LEADER)))
				.isInstanceOf(InvalidInputException.class);
		assertThat(accounts.find("auditor").orElseThrow().enabled()).isTrue();
	}

	@Test
	void noAccountIsBothAdminAndAuditor() {
		String name = Unique.name("sod");
		assertThat(accounts.problemsOf(new NewAccount(name, "Both", "Good-2026-a", Set.of(Role.ADMIN, Role.AUDITOR),
				Set.of(), null))).extracting(e -> e.column()).contains("roles");
	}

	private void signInAs(String username) {
		var principal = users.loadUserByUsername(username);
		SecurityContextHolder.getContext().setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}
}
