package org.gridlink.platform;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** API tokens: created by a user, stored hashed, accepted as Bearer, refused once revoked. */
@WebTest
class ApiTokenTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void tokenLifecycle() throws Exception {
		String body = mvc.perform(post("/api/v1/tokens").with(as("community1"))
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

		mvc.perform(delete("/api/v1/tokens/" + id).with(as("community1"))).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
	}

	@Test
	void unknownTokenIs401AndOthersTokensCannotBeRevoked() throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer gl_not-a-real-token"))
				.andExpect(status().isUnauthorized());
		String body = mvc.perform(post("/api/v1/tokens").with(as("leader")).contentType("application/json")
				.content("{\"name\":\"mine\"}")).andReturn().getResponse().getContentAsString();
		Integer id = JsonPath.read(body, "$.id");
		mvc.perform(delete("/api/v1/tokens/" + id).with(as("center"))).andExpect(status().isNotFound());
	}

	@Test
	void blankTokenNameIs400() throws Exception {
		mvc.perform(post("/api/v1/tokens").with(as("leader")).contentType("application/json").content("{\"name\":\" \"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("INVALID_INPUT"));
	}
}
