package org.gridlink.platform.security;

import java.util.List;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The health probes are open and stateless (their own chain); every other actuator endpoint stays the admin's. The
 * liveness and readiness probes are answered in front of the filters ({@link ProbeAnswers}) exactly as the actuator
 * answers them (a query string sends a probe the whole way).
 */
@WebTest
class ProbeChainTest {

	@Autowired
	MockMvc mvc;

	@Test
	void probesAnswerWithoutSessionCookieOrLogin() throws Exception {
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" }) {
			MvcResult result = mvc.perform(get(probe)).andExpect(status().isOk())
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andReturn();
			assertThat(result.getRequest().getSession(false)).as(probe).isNull();
			assertThat(result.getResponse().getHeaders("Set-Cookie")).as(probe).isEmpty();
		}
	}

	@Test
	void theOtherActuatorEndpointsStillNeedTheAdmin() throws Exception {
		mvc.perform(get("/actuator/metrics")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/actuator/healthy")).andExpect(status().is3xxRedirection());
	}

	@Autowired
	ApplicationContext context;

	@Test
	void theShortProbeAnswersAreTheActuatorsAnswers() throws Exception {
		assertSameAnswers(200);
		try {
			AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
			AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
			assertSameAnswers(503);
		}
		finally {
			AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		assertSameAnswers(200);
	}

	private void assertSameAnswers(int status) throws Exception {
		for (String probe : new String[] { ProbeAnswers.LIVENESS, ProbeAnswers.READINESS }) {
			for (String accept : new String[] { null, "*/*", "application/json", ProbeAnswers.ACTUATOR_JSON }) {
				var shortWay = get(probe);
				var wholeWay = get(probe + "?whole=way");
				if (accept != null) {
					shortWay.header("Accept", accept);
					wholeWay.header("Accept", accept);
				}
				MvcResult fastResult = mvc.perform(shortWay).andReturn();
				MvcResult fullResult = mvc.perform(wholeWay).andReturn();
				String what = probe + " Accept " + accept;
				assertThat(fastResult.getHandler()).as(what + ": answered before Spring MVC").isNull();
				assertThat(fullResult.getHandler()).as(what + ": the actuator's handler").isNotNull();
				MockHttpServletResponse fast = fastResult.getResponse();
				MockHttpServletResponse full = fullResult.getResponse();
				assertThat(fast.getStatus()).as(what).isEqualTo(status).isEqualTo(full.getStatus());
				assertThat(fast.getContentAsString()).as(what).isEqualTo(full.getContentAsString())
					.startsWith("{\"status\":\"");
				assertThat(fast.getContentType()).as(what).isEqualTo(full.getContentType());
				for (String name : List.of("X-Content-Type-Options", "X-XSS-Protection", "Cache-Control", "Pragma",
						"Expires", "X-Frame-Options", "Strict-Transport-Security", "Content-Security-Policy",
						"Set-Cookie", "Vary")) {
					assertThat(fast.getHeaders(name)).as(what + " " + name).isEqualTo(full.getHeaders(name));
				}
			}
		}
	}
}
