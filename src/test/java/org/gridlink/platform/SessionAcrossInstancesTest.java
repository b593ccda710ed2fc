package org.gridlink.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.gridlink.support.OtherInstance;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A browser session made on one instance works on the other (sessions live in the database), and disabling the
 * account ends it on both at once: the next request on either instance is refused.
 */
@WebTest
class SessionAcrossInstancesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Environment environment;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	int otherMe(Cookie session) throws Exception {
		String port = OtherInstance.of(environment).getEnvironment().getProperty("local.server.port");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
			.header("Cookie", session.getName() + "=" + session.getValue()).header("Accept", "application/json")
			.timeout(Duration.ofSeconds(10)).GET().build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	@Test
	void aDisabledAccountsSessionIsRefusedOnTheNextRequestOnBothInstances() throws Exception {
		String name = "twosession-" + System.nanoTime() % 1_000_000_000;
		accounts.createDemoAccounts(List.of(new NewAccount(name, "Session User", "Secret123", Set.of(Role.LEADER),
				Set.of("320819000000"), null)), "Secret123");
		Cookie session = mvc.perform(formLogin("/login").user(name).password("Secret123"))
			.andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
		assertThat(otherMe(session)).as("the same session on the other instance").isEqualTo(200);

		accounts.setEnabled(name, false);

		mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
		assertThat(otherMe(session)).as("refused on the other instance's next request").isEqualTo(401);
	}
}
