package org.gridlink.platform.security;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One browser for tests of the login steps: its own client address (so the login throttle of one test never
 * touches another) and its session cookie, followed when the session id changes.
 */
final class Signin {

	private final MockMvc mvc;
	final String address;
	Cookie session;

	Signin(MockMvc mvc) {
		this.mvc = mvc;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	/** Posts the login form; returns where it redirects. */
	String login(String username, String password) throws Exception {
		session = null;
		return perform(post("/login").param("username", username).param("password", password)).getResponse()
			.getRedirectedUrl();
	}

	MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		request.with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
		if (session != null) {
			request.cookie(session);
		}
		MvcResult result = mvc.perform(request).andReturn();
		Cookie renewed = result.getResponse().getCookie("SESSION");
		if (renewed != null) {
			session = renewed;
		}
		return result;
	}
}
