package org.gridlink.platform.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a session that has a {@link LoginSteps} step left to its step's pages (plus logout, the login page, static
 * files and errors): other pages redirect to the step, the API answers 401. And refuses HTTP Basic on the API for an
 * account whose second factor is on or required, or that must change its password (401 with the reason): such
 * accounts reach the API only with tokens created after a full login.
 */
class LoginStepFilter extends OncePerRequestFilter {

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
	private static final RequestMatcher API = PATHS.matcher("/api/**");
	private static final RequestMatcher ALWAYS = new OrRequestMatcher(PATHS.matcher("/logout"), PATHS.matcher("/login"),
			PATHS.matcher("/css/**"), PATHS.matcher("/js/**"), PATHS.matcher("/img/**"), PATHS.matcher("/webjars/**"),
			PATHS.matcher("/favicon.ico"), PATHS.matcher("/error"));

	private final SecondFactors secondFactors;
	private final JsonErrors errors;

	LoginStepFilter(SecondFactors secondFactors, JsonErrors errors) {
		this.secondFactors = secondFactors;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
			String header = ApiTokenFilter.authenticatedByToken(request) ? null : request.getHeader("Authorization");
			boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
			if (basic && API.matches(request)) {
				Optional<String> refusal = secondFactors.basicRefusal(principal);
				if (refusal.isPresent()) {
					SecurityContextHolder.clearContext();
					errors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", refusal.get());
					return;
				}
			}
			Optional<LoginSteps.Step> step = LoginSteps.next(request);
			if (step.isPresent() && !ALWAYS.matches(request) && !allowed(step.get(), request)) {
				if (API.matches(request)) {
					errors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED",
							"error.login.incomplete");
				}
				else {
					response.sendRedirect(request.getContextPath() + step.get().page());
				}
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(LoginSteps.Step step, HttpServletRequest request) {
		List<RequestMatcher> pages = List.of(PATHS.matcher(step.page()), PATHS.matcher(step.page() + "/**"));
		return pages.stream().anyMatch(page -> page.matches(request));
	}
}
