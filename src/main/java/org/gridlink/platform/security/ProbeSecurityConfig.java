package org.gridlink.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The health probes (the balancer asks every second, the orchestrator too) go through a chain of their own, before
 * the main one: open, no session, no CSRF token, no saved request, no security context to load or store — the few
 * filters a request that reads nothing personal needs (the security headers stay).
 */
@Configuration
class ProbeSecurityConfig {

	@Bean
	@Order(0)
	SecurityFilterChain probeFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/actuator/health", "/actuator/health/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.anonymous(anonymous -> anonymous.disable())
			.logout(logout -> logout.disable());
		return http.build();
	}
}
