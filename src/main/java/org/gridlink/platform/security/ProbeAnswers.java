package org.gridlink.platform.security;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.security.web.header.HeaderWriterFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the two probes the balancer and the orchestrator ask every second or so, {@code GET
 * /actuator/health/liveness} and {@code GET /actuator/health/readiness} (exactly these paths, no query string, an
 * {@code Accept} the actuator answers with its own JSON type or {@code application/json}), in front of the servlet
 * filters: the same health groups of the same health endpoint, the same status, body and content type, and the security
 * headers of the probe chain written by that chain's own header filter ({@link ProbeSecurityConfig}) — but without
 * Spring MVC's dispatch, the actuator's web operation plumbing (argument resolution, reflective invocation, content
 * negotiation), the session filter and the request metrics, which together cost several times the answer. Any other
 * probe request (another path, a query string, another {@code Accept}, {@code HEAD}) goes the whole way as before.
 * Probe answers are not counted in {@code http.server.requests}.
 */
final class ProbeAnswers implements Filter {

	static final String LIVENESS = "/actuator/health/liveness";
	static final String READINESS = "/actuator/health/readiness";
	static final String ACTUATOR_JSON = "application/vnd.spring-boot.actuator.v3+json";

	private final HealthEndpointWebExtension health;
	private final JsonMapper json;
	private final HeaderWriterFilter headers;

	ProbeAnswers(HealthEndpointWebExtension health, JsonMapper json, HeaderWriterFilter headers) {
		this.health = health;
		this.json = json;
		this.headers = headers;
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response
				&& "GET".equals(request.getMethod()) && request.getQueryString() == null) {
			String uri = request.getRequestURI();
			String group = LIVENESS.equals(uri) ? "liveness" : READINESS.equals(uri) ? "readiness" : null;
			String type = group == null ? null : contentType(request.getHeader("Accept"));
			if (type != null) {
				headers.doFilter(request, response, (rq, rs) -> answer(group, type, (HttpServletResponse) rs));
				return;
			}
		}
		chain.doFilter(req, res);
	}

	private void answer(String group, String type, HttpServletResponse response) throws IOException {
		WebEndpointResponse<HealthDescriptor> answer = health.health(ApiVersion.V3, WebServerNamespace.SERVER,
				SecurityContext.NONE, group);
		byte[] body = json.writeValueAsBytes(answer.getBody());
		response.setStatus(answer.getStatus());
		response.setContentType(type);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** The type the actuator answers a probe with for this {@code Accept}; null for any other: the full path decides. */
	static String contentType(String accept) {
		if (accept == null || accept.equals("*/*") || accept.equals(ACTUATOR_JSON)) {
			return ACTUATOR_JSON;
		}
		return accept.equals("application/json") ? "application/json" : null;
	}
}
