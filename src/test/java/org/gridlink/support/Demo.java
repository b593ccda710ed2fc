package org.gridlink.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Demo users and codes of the demo district, for tests. */
public final class Demo {

	public static final String PASSWORD = "Demo#2026";
	public static final String DISTRICT = "320819000000";
	public static final String STREET1 = "320819001000";
	public static final String COMMUNITY1 = "320819001001";
	public static final String GRID1 = "320819001001001";
	public static final String GRID2 = "320819002001001";

	/** What of an account, when changed, makes a cached principal stale (roles and scope bump the version). */
	private static final String STAMP = "SELECT id, security_version, enabled, locked_until FROM app_user"
			+ " WHERE username = ?";

	private Demo() {
	}

	/**
	 * Signed in as a user, the way a session is, without a password check: the account's real principal (roles,
	 * scope, unit) from the application's {@link UserDetailsService}, and a CSRF token as a page's form carries one.
	 * For tests of authentication itself (login, lockout, Basic, tokens) use {@link #basic(String)}.
	 */
	public static RequestPostProcessor as(String username) {
		return request -> csrf().postProcessRequest(withoutCsrfToken(username).postProcessRequest(request));
	}

	/** Signed in like {@link #as(String)} but without the CSRF token: for tests of the CSRF refusal. */
	public static RequestPostProcessor withoutCsrfToken(String username) {
		return request -> {
			UserDetails principal = principal(request.getServletContext(), username);
			if (!principal.isEnabled() || !principal.isAccountNonLocked()) {
				throw new IllegalStateException(username + " is disabled or locked: test its refusal with Demo.basic");
			}
			return user(principal).postProcessRequest(request);
		};
	}

	/**
	 * HTTP Basic with the demo password, through the real authentication (a bcrypt check per request), with the
	 * CSRF token a script fetches first (only requests a bearer token authenticated skip CSRF).
	 */
	public static RequestPostProcessor basic(String username) {
		return request -> csrf().postProcessRequest(httpBasic(username, PASSWORD).postProcessRequest(request));
	}

	private record Cached(String stamp, UserDetails principal) {
	}

	/** The principal, cached per application context and reloaded once the account changes. */
	private static UserDetails principal(ServletContext servletContext, String username) {
		WebApplicationContext context = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
		String stamp = context.getBean(JdbcClient.class).sql(STAMP).param(username)
			.query((rs, i) -> rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getBoolean(3) + ":" + rs.getObject(4))
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("no account " + username));
		Map<String, Cached> cache = cache(servletContext);
		Cached cached = cache.get(username);
		if (cached == null || !cached.stamp().equals(stamp)) {
			cached = new Cached(stamp, context.getBean(UserDetailsService.class).loadUserByUsername(username));
			cache.put(username, cached);
		}
		return cached.principal();
	}

	@SuppressWarnings("unchecked")
	private static synchronized Map<String, Cached> cache(ServletContext servletContext) {
		String key = Demo.class.getName() + ".principals";
		Object cache = servletContext.getAttribute(key);
		if (cache == null) {
			cache = new ConcurrentHashMap<String, Cached>();
			servletContext.setAttribute(key, cache);
		}
		return (Map<String, Cached>) cache;
	}
}
