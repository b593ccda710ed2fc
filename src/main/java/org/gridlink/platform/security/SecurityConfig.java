package org.gridlink.platform.security;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.platform.AuditTrail;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain for pages and API. Pages: form login, session, CSRF; HTTP Basic is ignored there. API
 * ({@code /api/**}): the session, HTTP Basic or a Bearer token; errors as JSON. CSRF is skipped only for requests a
 * bearer token actually authenticated (a browser never sends one on its own, while it does resend remembered Basic
 * credentials), and for Open311 ({@code /open311/v2/**}): public to read, and creating authenticates by a client's
 * {@code api_key}, not by the session. A token cannot create tokens: only a password login (or its session) can.
 */
@Configuration
class SecurityConfig {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	/** The public quarantine check-in API (quarantine module): the personal link's token is the credential. */
	static final String CHECKIN_API = "/api/v1/checkin/*";

	/** The public necessities ordering API (supplies module): the link's token in the body is the credential. */
	static final String NECESSITY_API = "/api/v1/public/necessity-orders";

	/** Open311 GeoReport v2 (cases module). */
	static final String OPEN311 = "/open311/v2/**";
	static final String SMS_CALLBACK = "/sms/callback/**";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * No Spring Security observations: they wrap every filter of the chain in an observation (a timer and a
	 * long-task timer each), about a tenth of an API request's CPU; the http.server.requests metrics stay on.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** The token filter runs inside the security chain only, not a second time as a plain servlet filter. */
	@Bean
	FilterRegistrationBean<ApiTokenFilter> apiTokenFilterRegistration(ApiTokenFilter filter) {
		FilterRegistrationBean<ApiTokenFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * Requests to the API that carry a bearer token ({@code Authorization: Bearer ...}), on their first dispatch: a
	 * chain of their own, ahead of the main one, with only what a token request needs. The token is the credential, so
	 * nothing is read from or saved to the session for authentication (no security context repository, no request
	 * cache, no anonymous user: a bad token is refused at once by the token filter), no CSRF token (a browser never
	 * sends a bearer token on its own; the main chain skips CSRF for such requests too), no form login, Basic or
	 * logout, and no servlet-API request wrapper. Kept: the same access rules ({@link #rules}), security headers, JSON
	 * error bodies, audited denials, and the login-step filter (a session cookie sent along with the token still has
	 * its pending steps enforced, as before). Error and async dispatches still go through the main chain.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain bearerApiFilterChain(HttpSecurity http, ApiTokenFilter tokenFilter, JsonErrors errors,
			AuditTrail audit, SecondFactors secondFactors) throws Exception {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		AuthenticationTrustResolverImpl authenticated = new AuthenticationTrustResolverImpl();
		http.securityMatcher(request -> request.getDispatcherType() == DispatcherType.REQUEST
				&& ApiTokenFilter.bearer(request.getHeader("Authorization")) && api.matches(request))
			.authorizeHttpRequests(auth -> rules(auth, authenticated))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.sessionManagement(session -> session.disable())
			.anonymous(anonymous -> anonymous.disable())
			.servletApi(servletApi -> servletApi.disable())
			.logout(logout -> logout.disable())
			.exceptionHandling(ex -> ex.authenticationEntryPoint(apiEntryPoint(errors))
				.accessDeniedHandler(denied(audit, api, errors)))
			.headers(SecurityConfig::headers)
			.addFilterBefore(tokenFilter, CsrfFilter.class)
			.addFilterBefore(new LoginStepFilter(secondFactors, errors), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokenFilter tokenFilter, JsonErrors errors,
			AuditTrail audit, LoginThrottle throttle, LoginSteps loginSteps, SecondFactors secondFactors)
			throws Exception {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		AuthenticationTrustResolverImpl authenticated = new AuthenticationTrustResolverImpl();
		AuthenticationEntryPoint apiEntryPoint = apiEntryPoint(errors);
		AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
		AccessDeniedHandler denied = denied(audit, api, errors);
		http.authorizeHttpRequests(auth -> rules(auth, authenticated))
			.formLogin(form -> form.loginPage("/login").successHandler(loginSteps).failureUrl("/login?error")
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
				.addLogoutHandler((request, response, authentication) -> {
					if (authentication != null) {
						audit.recordAs(authentication.getName(), "LOGOUT", "user", authentication.getName(),
								AuditTrail.SUCCESS, null);
					}
				}))
			.httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint)
				.withObjectPostProcessor(new ObjectPostProcessor<BasicAuthenticationFilter>() {
					@Override
					public <O extends BasicAuthenticationFilter> O postProcess(O filter) {
						BasicAuthenticationConverter basicOnly = new BasicAuthenticationConverter();
						filter.setAuthenticationConverter(request -> api.matches(request) ? basicOnly.convert(request)
								: null);
						return filter;
					}
				}))
			.csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilter::authenticatedByToken)
				// authenticated by the api_key parameter, never by the session: nothing for a forged request to ride on
				.ignoringRequestMatchers(OPEN311)
				// authenticated by the link's token in the path, never by the session
				.ignoringRequestMatchers(CHECKIN_API)
				.ignoringRequestMatchers(NECESSITY_API)
				.ignoringRequestMatchers(SMS_CALLBACK))
			.exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, failure) -> {
				if (api.matches(request)) {
					apiEntryPoint.commence(request, response, failure);
				}
				else {
					loginPage.commence(request, response, failure);
				}
			}).accessDeniedHandler(denied))
			.headers(SecurityConfig::headers)
			.addFilterBefore(tokenFilter, CsrfFilter.class)
			.addFilterBefore(new LoginThrottleFilter(throttle, errors), UsernamePasswordAuthenticationFilter.class)
			// after the password: second factor, enrolment, forced change (LoginSteps); Basic refused where a second
			// factor is on or required
			.addFilterBefore(new LoginStepFilter(secondFactors, errors), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * Who may reach what: one list for both chains (the bearer-token API chain and the main one), so they cannot
	 * drift apart.
	 */
	static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
			AuthenticationTrustResolverImpl authenticated) {
		auth.requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
					"/swagger-ui/**", "/swagger-ui.html")
			.permitAll()
			// the installable web app's manifest (fetched without cookies) and its service worker (no data in it)
			.requestMatchers("/manifest.webmanifest", "/sw.js").permitAll()
			// residents report a problem and follow its public status without an account (CSRF stays on)
			.requestMatchers("/report", "/report/*").permitAll()
			// the reporter rates a closed case through a one-time link; public answers (权威解读) are open to read
			.requestMatchers("/rate/*", "/answers", "/answers/*", "/api/v1/public/answers",
					"/api/v1/public/answers/*").permitAll()
			// a person in home quarantine checks in through their personal link, without an account
			.requestMatchers("/q/*").permitAll()
			// a resident opts out of non-urgent notice SMS through the link in the message (notices)
			.requestMatchers("/td/*").permitAll()
			// an enterprise answers its legal check-up's self-check questionnaire through the link (enterprise)
			.requestMatchers("/legal-checkup/*").permitAll()
			// a community's "1+N" council board: members' names and roles, signed minutes, decisions (mobilization)
			.requestMatchers("/council-board/*").permitAll()
			// a rural housing project's public board: masked list, objections and answers, progress (housing)
			.requestMatchers("/housing/{projectId:[0-9]+}", "/api/v1/public/housing/*").permitAll()
			// the public drawings of rural housing unit types, linked from a project's public board (housing: choice)
			.requestMatchers(HttpMethod.GET, "/housing/drawings/*").permitAll()
			// rural housing construction: progress photos of the public board
			.requestMatchers("/api/v1/public/housing-photos/*").permitAll()
			.requestMatchers(CHECKIN_API).permitAll()
			// a person registers as a volunteer; anyone checks a volunteer's duty badge (mobilization: volunteers)
			.requestMatchers("/volunteers/register", "/volunteers/badge/check",
					"/api/v1/public/volunteer-badges/check").permitAll()
			// a household orders necessities through its link or check-in link, without an account (supplies)
			.requestMatchers("/n/*").permitAll()
			// an enterprise files an appeal (its contact card's QR code) and books a reception day (enterprise)
			.requestMatchers("/enterprise-appeal/*", "/reception-booking", "/reception-booking/*").permitAll()
			.requestMatchers(HttpMethod.POST, NECESSITY_API).permitAll()
			.requestMatchers("/cases/admin/categories", "/cases/admin/categories/**").hasRole("ADMIN")
			.requestMatchers("/cases/admin/**").hasAnyRole("ADMIN", "CENTER")
			// Open311 GeoReport v2: public reading per the spec; creating needs a client's api_key (checked there)
			.requestMatchers(OPEN311).permitAll()
			// the SMS provider's delivery reports and replies: authenticated by the secret in the path (notices)
			.requestMatchers(SMS_CALLBACK).permitAll()
			.requestMatchers("/audit/**", "/api/v1/audit/**").hasRole("AUDITOR")
			.requestMatchers("/admin/**", "/api/v1/admin/**").hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/v1/tokens", "/account/tokens")
			.access((authentication, context) -> new AuthorizationDecision(
					!ApiTokenFilter.authenticatedByToken(context.getRequest())
							&& authenticated.isAuthenticated(authentication.get())))
			.requestMatchers("/actuator/**").hasRole("ADMIN")
			.anyRequest().authenticated();
	}

	/** The API's answer to a request without valid credentials: 401 as JSON (a Basic challenge when it sent any). */
	static AuthenticationEntryPoint apiEntryPoint(JsonErrors errors) {
		return (request, response, ex) -> {
			if (request.getHeader("Authorization") != null) {
				response.setHeader("WWW-Authenticate", "Basic realm=\"GridLink\"");
			}
			errors.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", "error.unauthorized");
		};
	}

	/** A denial is audited, then answered: 403 as JSON on the API, the error page elsewhere. */
	static AccessDeniedHandler denied(AuditTrail audit, RequestMatcher api, JsonErrors errors) {
		return (request, response, ex) -> {
			audit.record("ACCESS_DENIED", "path", request.getMethod() + " " + request.getRequestURI(),
					AuditTrail.DENIED, null);
			deny(api, errors, request, response);
		};
	}

	/** The security headers of every chain: CSP (one fixed string), no framing, the referrer policy. */
	static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
	}

	private static void deny(RequestMatcher api, JsonErrors errors, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (api.matches(request)) {
			errors.write(request, response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "error.forbidden");
		}
		else {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
		}
	}
}
