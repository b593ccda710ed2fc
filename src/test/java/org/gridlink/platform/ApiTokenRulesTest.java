package org.gridlink.platform;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.gridlink.support.Demo;
import org.gridlink.support.TestClock;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * HTTP Basic only on the API; CSRF skipped only for requests a bearer token authenticated; tokens expire and cannot
 * create tokens.
 */
@WebTest
class ApiTokenRulesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private String newToken(String user) throws Exception {
		String body = mvc.perform(post("/api/v1/tokens").with(as(user)).contentType("application/json")
				.content("{\"name\":\"rules\"}")).andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString();
		return JsonPath.read(body, "$.token");
	}

	@Test
	void pagesRefuseHttpBasic() throws Exception {
		mvc.perform(get("/api/v1/me").with(httpBasic("center", Demo.PASSWORD))).andExpect(status().isOk());
		mvc.perform(get("/").with(httpBasic("center", Demo.PASSWORD))).andExpect(status().is3xxRedirection())
				.andExpect(redirectedUrl("/login"));
		mvc.perform(get("/account/tokens").with(httpBasic("center", Demo.PASSWORD)))
				.andExpect(status().is3xxRedirection());
	}

	@Test
	void csrfIsSkippedOnlyForBearerTokens() throws Exception {
		String create = "{\"name\":\"no csrf\"}";
		mvc.perform(post("/api/v1/tokens").with(httpBasic("center", Demo.PASSWORD)).contentType("application/json")
				.content(create)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/tokens").with(httpBasic("center", Demo.PASSWORD)).with(csrf())
				.contentType("application/json").content(create)).andExpect(status().isCreated());
		mvc.perform(post("/account/tokens").param("name", "x").header("Authorization", "Negotiate abc")
				.with(Demo.withoutCsrfToken("center"))).andExpect(status().isForbidden());

		String token = newToken("center");
		String body = mvc.perform(post("/api/v1/tokens").with(as("center")).contentType("application/json")
				.content("{\"name\":\"to revoke\"}")).andReturn().getResponse().getContentAsString();
		Integer id = JsonPath.read(body, "$.id");
		mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", "Bearer " + token))
				.andExpect(status().isNoContent());
	}

	@Test
	void aTokenCannotCreateTokens() throws Exception {
		String token = newToken("leader");
		mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + token).contentType("application/json")
				.content("{\"name\":\"minted\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/account/tokens").header("Authorization", "Bearer " + token).param("name", "minted"))
				.andExpect(status().isForbidden());
	}

	@Test
	void tokensExpireAfterNinetyDaysAndShowTheirExpiry() throws Exception {
		String body = mvc.perform(post("/api/v1/tokens").with(as("community1")).contentType("application/json")
				.content("{\"name\":\"expiring\"}")).andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString();
		String bearer = "Bearer " + JsonPath.read(body, "$.token");
		OffsetDateTime expiresAt = OffsetDateTime.parse(JsonPath.read(body, "$.expiresAt"));
		assertThat(Duration.between(OffsetDateTime.now(clock), expiresAt)).isBetween(Duration.ofDays(90).minusMinutes(1),
				Duration.ofDays(90).plusMinutes(1));
		mvc.perform(get("/api/v1/tokens").with(as("community1"))).andExpect(jsonPath("$[0].expiresAt").exists());
		String page = mvc.perform(get("/account/tokens").with(as("community1")).param("lang", "en")).andReturn()
				.getResponse().getContentAsString();
		assertThat(page).contains("Expires").contains("gl-token-expiry");

		clock.advance(Duration.ofDays(89));
		mvc.perform(get("/api/v1/me").header("Authorization", bearer)).andExpect(status().isOk());
		clock.advance(Duration.ofDays(2));
		mvc.perform(get("/api/v1/me").header("Authorization", bearer)).andExpect(status().isUnauthorized());
	}

	/** What bench/api-token.sh does: the CSRF token of the login page's session, then HTTP Basic on the API. */
	@Test
	void aScriptCreatesItsTokenWithBasicAndTheCsrfTokenOfASession() throws Exception {
		var login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn();
		String html = login.getResponse().getContentAsString();
		java.util.regex.Matcher meta = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
		assertThat(meta.find()).isTrue();
		String sessionId = login.getResponse().getHeaders("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
				.findFirst().orElseThrow().split(";")[0].substring("SESSION=".length());
		mvc.perform(post("/api/v1/tokens").cookie(new jakarta.servlet.http.Cookie("SESSION", sessionId))
				.header("X-CSRF-TOKEN", meta.group(1))
				.with(httpBasic("center", Demo.PASSWORD)).contentType("application/json").content("{\"name\":\"bench\"}"))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.token").exists());
	}
}
