package org.gridlink.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * The health probes (the balancer asks every second, the orchestrator too) go through a chain of their own, before
 * the main one: open, no session, no CSRF token, no saved request, no security context to load or store — the few
 * filters a request that reads nothing personal needs (the security headers stay). The two probes themselves are
 * answered in front of the servlet filters by {@link ProbeAnswers}, with this chain's header filter.
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

	@Bean
	FilterRegistrationBean<ProbeAnswers> probeAnswers(ObjectProvider<HealthEndpointWebExtension> health,
			ObjectProvider<EndpointJsonMapper> endpointJson, JsonMapper json,
			@Qualifier("probeFilterChain") SecurityFilterChain probes) {
		HeaderWriterFilter headers = probes.getFilters().stream().filter(HeaderWriterFilter.class::isInstance)
			.map(HeaderWriterFilter.class::cast).findFirst()
			.orElseThrow(() -> new IllegalStateException("the probe chain writes no security headers"));
		HealthEndpointWebExtension extension = health.getIfAvailable();
		EndpointJsonMapper mapper = endpointJson.getIfAvailable();
		FilterRegistrationBean<ProbeAnswers> registration = new FilterRegistrationBean<>(
				new ProbeAnswers(extension, mapper != null ? mapper.get() : json, headers));
		// health not on the web (switched off): nothing to answer, the requests go the whole way to their 404
		registration.setEnabled(extension != null);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}
}
