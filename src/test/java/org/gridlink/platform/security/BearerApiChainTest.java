package org.gridlink.platform.security;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.gridlink.platform.AuditQuery;
import org.gridlink.platform.AuditTrail;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.RequestCacheAwareFilter;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * API requests with a bearer token go through a chain of their own (issue 11): only the filters a token request
 * needs, and the same rules, headers, error bodies and audited denials as the main chain.
 */
@WebTest
class BearerApiChainTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditTrail audit;

	@Autowired
	@Qualifier("bearerApiFilterChain")
	SecurityFilterChain bearer;

	@Autowired
	@Qualifier("securityFilterChain")
	SecurityFilterChain main;

	private static MockHttpServletRequest request(String path, String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServletPath(path);
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		return request;
	}

	@Test
	void onlyFirstDispatchesOfApiRequestsWithABearerTokenTakeTheLeanChain() {
		assertThat(bearer.matches(request("/api/v1/me", "Bearer gl_x"))).isTrue();
		assertThat(bearer.matches(request("/api/v1/me", "bearer gl_x"))).isTrue();
		assertThat(bearer.matches(request("/api/v1/me", null))).isFalse();
		assertThat(bearer.matches(request("/api/v1/me", "Basic Y2VudGVyOng="))).isFalse();
		assertThat(bearer.matches(request("/cases", "Bearer gl_x"))).isFalse();
		assertThat(bearer.matches(request("/actuator/metrics", "Bearer gl_x"))).isFalse();
		MockHttpServletRequest error = request("/api/v1/me", "Bearer gl_x");
		error.setDispatcherType(DispatcherType.ERROR);
		assertThat(bearer.matches(error)).isFalse();
		MockHttpServletRequest async = request("/api/v1/me", "Bearer gl_x");
		async.setDispatcherType(DispatcherType.ASYNC);
		assertThat(bearer.matches(async)).isFalse();
	}

	@Test
	void theLeanChainHasNoSessionCsrfAnonymousOrLoginFilters() {
		List<Class<?>> filters = bearer.getFilters().stream().<Class<?>>map(Filter::getClass).toList();
		assertThat(filters).contains(HeaderWriterFilter.class, ApiTokenFilter.class, LoginStepFilter.class,
				ExceptionTranslationFilter.class, AuthorizationFilter.class);
		assertThat(filters).doesNotContain(SecurityContextHolderFilter.class, CsrfFilter.class, LogoutFilter.class,
				UsernamePasswordAuthenticationFilter.class, BasicAuthenticationFilter.class,
				RequestCacheAwareFilter.class, SecurityContextHolderAwareRequestFilter.class,
				AnonymousAuthenticationFilter.class, DisableEncodeUrlFilter.class);
		// the main chain keeps them for sessions, Basic and pages
		List<Class<?>> mainFilters = main.getFilters().stream().<Class<?>>map(Filter::getClass).toList();
		assertThat(mainFilters).contains(SecurityContextHolderFilter.class, CsrfFilter.class, ApiTokenFilter.class,
				BasicAuthenticationFilter.class, AnonymousAuthenticationFilter.class);
	}

	private String newToken(String user) throws Exception {
		String body = mvc.perform(post("/api/v1/tokens").with(as(user)).contentType("application/json")
				.content("{\"name\":\"lean chain\"}")).andExpect(status().isCreated()).andReturn().getResponse()
				.getContentAsString();
		return JsonPath.read(body, "$.token");
	}

	@Test
	void aTokenRequestGetsTheSecurityHeadersAndNoSession() throws Exception {
		String token = newToken("center");
		MvcResult ok = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk()).andExpect(jsonPath("$.username").value("center"))
			.andExpect(header().string("Content-Security-Policy", SecurityConfig.CSP))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().exists("Cache-Control")).andReturn();
		assertThat(ok.getRequest().getSession(false)).isNull();
		assertThat(ok.getResponse().getHeaders("Set-Cookie")).isEmpty();
	}

	@Test
	void aBadTokenIs401AsJsonWithTheSecurityHeaders() throws Exception {
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer gl_not-a-token"))
			.andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHORIZED"))
			.andExpect(jsonPath("$.message").isNotEmpty())
			.andExpect(header().string("Content-Security-Policy", SecurityConfig.CSP))
			.andExpect(header().string("X-Frame-Options", "DENY"));
		// a public API path too: a bearer token, when sent, must be good
		mvc.perform(get("/api/v1/public/answers").header("Authorization", "Bearer gl_not-a-token"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aDeniedTokenRequestIs403AsJsonAndAudited() throws Exception {
		String token = newToken("leader");
		long before = denials("leader");
		mvc.perform(get("/api/v1/audit/verify").header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
		assertThat(denials("leader")).isEqualTo(before + 1);
		// a token cannot create tokens, on the lean chain too
		mvc.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + token).contentType("application/json")
				.content("{\"name\":\"minted\"}")).andExpect(status().isForbidden());
	}

	private long denials(String user) {
		return audit.search(new AuditQuery(user, "ACCESS_DENIED", "GET /api/v1/audit/verify", AuditTrail.DENIED, null,
				null, null), PageRequest.of(0, 1)).getTotalElements();
	}
}
