package org.gridlink.platform;

import java.util.List;
import java.util.Set;

import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** API tokens: created by a user, stored hashed, accepted as Bearer, refused once revoked. */
@WebTest
class ApiTokenTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Test
	void tokenLifecycle() throws Exception {
		String body = mvc.perform(post("/api/v1/tokens").with(basic("community1"))
				.contentType("application/json").content("{\"name\":\"integration test\"}"))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String token = JsonPath.read(body, "$.token");
		Integer id = JsonPath.read(body, "$.id");
		assertThat(token).startsWith("gl_");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = ?").param(token).query(Long.class)
				.single()).as("the plain token is never stored").isZero();

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk())
				.andExpect(jsonPath("$.username").value("community1"));
		mvc.perform(get("/api/v1/jurisdictions/320819002000").header("Authorization", "Bearer " + token))
				.andExpect(status().isForbidden());

		mvc.perform(delete("/api/v1/tokens/" + id).with(basic("community1"))).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
	}

	@Test
	void unknownTokenIs401AndOthersTokensCannotBeRevoked() throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer gl_not-a-real-token"))
				.andExpect(status().isUnauthorized());
		String body = mvc.perform(post("/api/v1/tokens").with(basic("leader")).contentType("application/json")
				.content("{\"name\":\"mine\"}")).andReturn().getResponse().getContentAsString();
		Integer id = JsonPath.read(body, "$.id");
		mvc.perform(delete("/api/v1/tokens/" + id).with(basic("center"))).andExpect(status().isNotFound());
	}

	/** Token requests keep roles and scope in memory per version: a change must still apply to the very next call. */
	@Test
	void rolesScopeAndDisablingApplyToTheNextTokenRequest() throws Exception {
		String name = "token-" + System.nanoTime();
		accounts.createDemoAccounts(List.of(new NewAccount(name, "Token User", "Secret123", Set.of(Role.LEADER),
				Set.of("320819001000"), null)), Demo.PASSWORD);
		String body = mvc.perform(post("/api/v1/tokens").with(basic(name)).contentType("application/json")
				.content("{\"name\":\"changes\"}")).andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString();
		String bearer = "Bearer " + JsonPath.read(body, "$.token");
		mvc.perform(get("/api/v1/me").header("Authorization", bearer)).andExpect(status().isOk())
				.andExpect(jsonPath("$.roles[0]").value("LEADER"))
				.andExpect(jsonPath("$.scope[0]").value("320819001000"));

		accounts.setRoles(name, Set.of(Role.CENTER));
		accounts.setScope(name, Set.of("320819002000"));
		mvc.perform(get("/api/v1/me").header("Authorization", bearer)).andExpect(status().isOk())
				.andExpect(jsonPath("$.roles[0]").value("CENTER"))
				.andExpect(jsonPath("$.scope[0]").value("320819002000"));

		accounts.setEnabled(name, false);
		mvc.perform(get("/api/v1/me").header("Authorization", bearer)).andExpect(status().isUnauthorized());
		accounts.setEnabled(name, true);
		mvc.perform(get("/api/v1/me").header("Authorization", bearer)).andExpect(status().isOk());
	}

	@Test
	void blankTokenNameIs400() throws Exception {
		mvc.perform(post("/api/v1/tokens").with(basic("leader")).contentType("application/json").content("{\"name\":\" \"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_INPUT"));
	}
}
