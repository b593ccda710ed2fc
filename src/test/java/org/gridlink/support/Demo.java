package org.gridlink.support;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
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

	private Demo() {
	}

	/**
	 * Signed in as a demo user, through the real account. On the API: HTTP Basic with the password (and the CSRF
	 * token a script would fetch first: only bearer tokens skip CSRF). On pages, which ignore Basic: the account as
	 * loaded and checked (password, enabled, not locked) like a form login would, as the signed-in user.
	 */
	public static RequestPostProcessor as(String username) {
		return request -> {
			if (request.getRequestURI().startsWith("/api/")) {
				return csrf().postProcessRequest(httpBasic(username, PASSWORD).postProcessRequest(request));
			}
			WebApplicationContext context = WebApplicationContextUtils
				.getRequiredWebApplicationContext(request.getServletContext());
			UserDetails account = context.getBean(UserDetailsService.class).loadUserByUsername(username);
			boolean usable = account.isEnabled() && account.isAccountNonLocked()
					&& context.getBean(PasswordEncoder.class).matches(PASSWORD, account.getPassword());
			return usable ? user(account).postProcessRequest(request) : request;
		};
	}
}
