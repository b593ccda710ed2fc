package org.gridlink.support;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.CurrentUsers;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Signs a demo account in on this thread for tests that call services directly (not through MockMvc, where
 * {@link Demo#as} does it per request); the test clears the context after each test.
 */
public final class SignIn {

	private SignIn() {
	}

	public static CurrentUser as(UserDetailsService users, String username) {
		var details = users.loadUserByUsername(username);
		SecurityContextHolder.getContext().setAuthentication(
				new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()));
		return CurrentUsers.current();
	}
}
