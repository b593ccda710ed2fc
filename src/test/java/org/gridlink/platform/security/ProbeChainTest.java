package org.gridlink.platform.security;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The health probes are open and stateless (their own chain); every other actuator endpoint stays the admin's. */
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
}
