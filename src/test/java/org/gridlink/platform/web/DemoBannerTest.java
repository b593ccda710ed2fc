package org.gridlink.platform.web;

import java.util.List;

import org.gridlink.platform.DemoData;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Demo mode on a real database (the explicit switch) shows a banner on every page; never otherwise. */
@WebTest
class DemoBannerTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Environment environment;

	@Test
	void theLayoutShowsTheBannerExactlyInDemoModeOnARealDatabase() throws Exception {
		String en = mvc.perform(get("/login").param("lang", "en")).andReturn().getResponse().getContentAsString();
		String zh = mvc.perform(get("/login").param("lang", "zh-CN")).andReturn().getResponse().getContentAsString();
		boolean expected = DemoData.DemoMode.onRealDatabase(environment);
		assertThat(en.contains("Demo mode: demo accounts and data")).isEqualTo(expected);
		assertThat(zh.contains("演示模式：演示账号和数据")).isEqualTo(expected);
	}

	@Test
	void theModelCarriesTheBannerOnlyWithTheSwitchOnARealDatabase() throws Exception {
		MockEnvironment trial = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x")
			.withProperty("gridlink.demo.on-real-database", "true");
		assertThat(banner(trial)).isTrue();
		assertThat(banner(new MockEnvironment().withProperty("gridlink.demo.on-real-database", "true"))).isFalse();
		assertThat(banner(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x")))
			.isFalse();
	}

	private static boolean banner(MockEnvironment environment) throws Exception {
		ModelAndView page = new ModelAndView("home");
		new LayoutModel(List.of(), environment, null).postHandle(new MockHttpServletRequest("GET", "/"),
				new MockHttpServletResponse(), new Object(), page);
		return (Boolean) page.getModel().get("demoBanner");
	}
}
