package org.gridlink.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * While the demo district loads, readiness (and the overall health) refuses traffic, liveness stays UP, and the login
 * page says the demo is loading, in both languages; once loaded, all is UP and the message is gone.
 */
@WebTest
class DemoLoadingTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoLoading demoLoading;

	@Test
	void notReadyWhileTheDemoLoads() throws Exception {
		demoLoading.start("test");
		try {
			mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
			mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable());
			mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UP"));
			mvc.perform(get("/login")).andExpect(status().isOk())
				.andExpect(content().string(containsString("正在加载演示辖区…")));
			mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk())
				.andExpect(content().string(containsString("Loading the demo district…")));
		}
		finally {
			demoLoading.finish("test");
		}
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		mvc.perform(get("/login")).andExpect(content().string(not(containsString("demo-loading"))));
	}

	@Test
	void loadingFromTheFirstStepUntilTheApplicationHasStarted() {
		DemoLoading loading = new DemoLoading();
		assertThat(loading.isLoading()).isFalse();
		loading.start("district");
		loading.finish("district");
		assertThat(loading.isLoading()).as("between two steps").isTrue();
		loading.start("residents");
		loading.applicationStarted();
		assertThat(loading.isLoading()).as("a step still running").isTrue();
		loading.finish("residents");
		assertThat(loading.isLoading()).isFalse();
		assertThat(loading.health().getStatus().getCode()).isEqualTo("UP");
	}
}
