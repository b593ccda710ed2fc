package org.gridlink.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gridlink.platform.Accounts;
import org.gridlink.platform.security.ApiTokens;
import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every user's API tokens page: the plain token is shown once, it works, and revoking it stops it. */
@WebTest
class TokenPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Accounts accounts;

	@Test
	void createShowsTheTokenOnceAndRevokeStopsIt() throws Exception {
		String name = Unique.name("token");
		MvcResult created = mvc.perform(post("/account/tokens").param("name", name).with(csrf())
				.with(Demo.as("grid1"))).andExpect(redirectedUrl("/account/tokens/created")).andReturn();
		// sessions live in the database (Spring Session): the follow-up requests carry its cookie
		jakarta.servlet.http.Cookie session = created.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();

		String page = mvc.perform(get("/account/tokens/created").cookie(session).with(Demo.as("grid1")))
				.andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString();
		Matcher token = Pattern.compile("value=\"(gl_[A-Za-z0-9_-]{43})\"").matcher(page);
		assertThat(token.find()).isTrue();
		mvc.perform(get("/account/tokens/created").cookie(session).with(Demo.as("grid1")))
				.andExpect(redirectedUrl("/account/tokens"));

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.group(1))).andExpect(status().isOk());
		long userId = accounts.find("grid1").orElseThrow().id();
		ApiTokens.TokenView view = tokens.list(userId).stream().filter(t -> t.name().equals(name)).findFirst()
				.orElseThrow();
		assertThat(view.lastUsedAt()).as("last use is recorded").isNotNull();

		String list = mvc.perform(get("/account/tokens").with(Demo.as("grid1"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(list).contains(name, "id=\"token-" + view.id() + "\"").doesNotContain(token.group(1));

		mvc.perform(post("/account/tokens/{id}/revoke", view.id()).with(csrf()).with(Demo.as("grid1")))
				.andExpect(redirectedUrl("/account/tokens"));
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.group(1)))
				.andExpect(status().isUnauthorized());
	}

	@Test
	void nobodyRevokesSomeoneElsesToken() throws Exception {
		long grid2 = accounts.find("grid2").orElseThrow().id();
		ApiTokens.CreatedToken theirs = tokens.create(grid2, "grid2", Unique.name("token"));

		mvc.perform(post("/account/tokens/{id}/revoke", theirs.id()).with(csrf()).with(Demo.as("grid1")))
				.andExpect(redirectedUrl("/account/tokens"));

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + theirs.token())).andExpect(status().isOk());
	}

	@Test
	void aTokenNeedsAName() throws Exception {
		String html = mvc.perform(post("/account/tokens").param("name", " ").with(csrf()).with(Demo.as("grid1")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("id=\"error-summary\"", "id=\"name-error\"");
	}
}
