package org.gridlink.platform.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer gl_...} requests by token hash: one query per request, no password
 * hashing (see {@link AccountUserDetailsService#loadByTokenHash}). Runs before the CSRF filter and marks the requests
 * it authenticated ({@link #AUTHENTICATED}): only those skip CSRF, and they cannot create tokens.
 */
@Component
class ApiTokenFilter extends OncePerRequestFilter {

	/** Request attribute set on a request that a valid bearer token authenticated. */
	static final String AUTHENTICATED = ApiTokenFilter.class.getName() + ".AUTHENTICATED";

	static boolean authenticatedByToken(HttpServletRequest request) {
		return request.getAttribute(AUTHENTICATED) != null;
	}

	/** Whether an {@code Authorization} header carries a bearer token (the scheme in any case). */
	static boolean bearer(@Nullable String header) {
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	private final ApiTokens tokens;
	private final JsonErrors errors;

	ApiTokenFilter(ApiTokens tokens, JsonErrors errors) {
		this.tokens = tokens;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (!bearer(header)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<AccountPrincipal> principal = tokens.authenticate(header.substring(7).trim())
				.filter(AccountPrincipal::isEnabled); // an account locked by failed passwords keeps its tokens working
		if (principal.isEmpty()) {
			errors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", "error.unauthorized");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
				principal.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.setAttribute(AUTHENTICATED, Boolean.TRUE);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
