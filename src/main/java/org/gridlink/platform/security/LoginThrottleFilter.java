package org.gridlink.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses password logins (the login form's POST, HTTP Basic on the API) from an address the {@link LoginThrottle}
 * has blocked, before any password is checked: the form answers {@code /login?throttled}, the API 429. Bearer tokens
 * and sessions pass.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final RequestMatcher LOGIN_FORM = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/login");

	private final LoginThrottle throttle;
	private final JsonErrors errors;

	LoginThrottleFilter(LoginThrottle throttle, JsonErrors errors) {
		this.throttle = throttle;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = LOGIN_FORM.matches(request);
		String header = request.getHeader("Authorization");
		boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
		if ((form || basic) && throttle.blocked(request.getRemoteAddr())) {
			if (form) {
				response.sendRedirect(request.getContextPath() + "/login?throttled");
			}
			else {
				errors.write(request, response, 429, "TOO_MANY_ATTEMPTS", "error.login.throttled");
			}
			return;
		}
		chain.doFilter(request, response);
	}
}
