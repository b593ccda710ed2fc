package org.gridlink.platform.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.RequestPath;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Parses a request's path once, before the security filters, instead of once per path matcher: every
 * {@code PathPatternRequestMatcher} of the security chains (the probe chain's, logout, login, the login throttle and
 * step filters, and each authorization rule an API call is checked against until {@code anyRequest()}) parses the
 * path anew when none is cached and throws it away again — dozens of parses per API request. Cached here for the
 * request and put back as it was afterwards (as the {@code DispatcherServlet} does, and Spring's
 * {@code ServletRequestPathFilter}), so the matchers and the handler mapping all read the same parsed path. Request
 * dispatches only: an error dispatch (its own path, {@code /error}) parses as before. A path that does not parse is
 * left to the firewall of the security chain, as before.
 */
@Configuration
class RequestPathConfig {

	@Bean
	FilterRegistrationBean<RequestPathOnce> requestPathFilter() {
		FilterRegistrationBean<RequestPathOnce> registration = new FilterRegistrationBean<>(new RequestPathOnce());
		// ahead of Spring Session (Integer.MIN_VALUE + 50) and the security chain (-100)
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	static final class RequestPathOnce implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (!(request instanceof HttpServletRequest http)) {
				chain.doFilter(request, response);
				return;
			}
			Object previous = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
			try {
				ServletRequestPathUtils.parseAndCache(http);
			}
			catch (IllegalArgumentException unparsable) {
				ServletRequestPathUtils.setParsedRequestPath((RequestPath) previous, request);
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				ServletRequestPathUtils.setParsedRequestPath((RequestPath) previous, request);
			}
		}
	}
}
