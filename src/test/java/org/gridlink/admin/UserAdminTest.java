package org.gridlink.admin;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.Role;
import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The users admin pages: create, change roles and scope, disable and enable, each audited. */
@WebTest
class UserAdminTest {

	static final String PASSWORD = "Start2026go";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditTrail audit;

	@Test
	void adminCreatesAndDisablesAUserWhoThenCannotAuthenticate() throws Exception {
		String username = Unique.name("usr");
		long id = create(username);
		mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD))).andExpect(status().isOk())
				.andExpect(jsonPath("$.username").value(username));

		mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false").with(csrf())
				.with(Demo.as("admin"))).andExpect(status().is3xxRedirection())
				.andExpect(flash().attributeExists("flash"));

		assertThat(accounts.get(id).enabled()).isFalse();
		mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());

		mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "true").with(csrf())
				.with(Demo.as("admin"))).andExpect(status().is3xxRedirection());
		mvc.perform(get("/api/v1/me").with(httpBasic(username, PASSWORD))).andExpect(status().isOk());
	}

	@Test
	void everyChangeOfAUserWritesAnAuditRowNamingTheAdmin() throws Exception {
		String username = Unique.name("usr");
		long id = create(username);
		mvc.perform(post("/admin/users/{id}/roles", id).param("roles", "STREET", "INSPECTOR").with(csrf())
				.with(Demo.as("admin"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/users/{id}/scope", id).param("scope", Demo.STREET1 + "\n" + Demo.GRID2).with(csrf())
				.with(Demo.as("admin"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "false").with(csrf())
				.with(Demo.as("admin"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/users/{id}/enabled", id).param("enabled", "true").with(csrf())
				.with(Demo.as("admin"))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/admin/users/{id}/unlock", id).with(csrf()).with(Demo.as("admin")))
				.andExpect(status().is3xxRedirection());

		assertThat(accounts.get(id).roles()).containsExactlyInAnyOrder(Role.STREET, Role.INSPECTOR);
		assertThat(accounts.get(id).scope()).containsExactlyInAnyOrder(Demo.STREET1, Demo.GRID2);
		for (String action : new String[] { "USER_CREATE", "USER_ROLES", "USER_SCOPE", "USER_DISABLE", "USER_ENABLE",
				"USER_UNLOCK" }) {
			assertThat(audit.search(new AuditQuery("admin", action, username, AuditTrail.SUCCESS, null, null, null),
					PageRequest.of(0, 5)).getContent()).as(action).singleElement()
					.satisfies(e -> assertThat(e.subject()).isEqualTo(username));
		}
	}

	@Test
	void aFormWithProblemsComesBackWithEveryMessageAndWhatWasTyped() throws Exception {
		String html = mvc.perform(post("/admin/users").param("username", "No Good").param("displayName", "王小明")
				.param("password", "short").param("scope", "320819001001001\n123").param("lang", "en").with(csrf())
				.with(Demo.as("admin"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("id=\"error-summary\"", "href=\"#username\"", "href=\"#password\"",
				"href=\"#roles\"", "href=\"#scope\"", "id=\"username-error\"", "id=\"roles-error\"");
		assertThat(html).contains("value=\"No Good\"", "value=\"王小明\"", "320819001001001\n123</textarea>");
		assertThat(accounts.find("no good")).isEmpty();
	}

	@Test
	void anAdminCannotDisableThemselvesOrDropTheirOwnAdminRole() throws Exception {
		long admin = accounts.find("admin").orElseThrow().id();
		mvc.perform(post("/admin/users/{id}/enabled", admin).param("enabled", "false").with(csrf())
				.with(Demo.as("admin"))).andExpect(status().isOk());
		mvc.perform(post("/admin/users/{id}/roles", admin).param("roles", "LEADER").with(csrf())
				.with(Demo.as("admin"))).andExpect(status().isOk());

		assertThat(accounts.get(admin).enabled()).isTrue();
		assertThat(accounts.get(admin).roles()).contains(Role.ADMIN);
	}

	@Test
	void anUnknownUserIsNotFound() throws Exception {
		mvc.perform(get("/admin/users/{id}", 987_654_321).with(Demo.as("admin"))).andExpect(status().isNotFound());
	}

	/** Creates a grid worker through the form; returns its id. */
	private long create(String username) throws Exception {
		String location = mvc.perform(post("/admin/users").param("username", username).param("displayName", "测试用户")
				.param("password", PASSWORD).param("roles", "GRID_WORKER").param("scope", Demo.GRID1).with(csrf())
				.with(Demo.as("admin"))).andExpect(status().is3xxRedirection())
				.andExpect(flash().attributeExists("flash")).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/admin/users/");
		return Long.parseLong(location.substring("/admin/users/".length()));
	}
}
