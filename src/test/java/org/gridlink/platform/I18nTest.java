package org.gridlink.platform;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/** The same page in zh-CN (default) and English; API error messages in the requested language. */
@WebTest
class I18nTest {

	@Autowired
	MockMvc mvc;

	@Test
	void loginPageIsChineseByDefaultAndEnglishOnRequest() throws Exception {
		mvc.perform(get("/login")).andExpect(content().string(containsString("登录")))
				.andExpect(content().string(containsString("lang=\"zh-CN\"")));
		mvc.perform(get("/login?lang=en")).andExpect(content().string(containsString("Log in")))
				.andExpect(content().string(not(containsString("用户名"))))
				.andExpect(cookie().value("GRIDLINK_LANG", "en"));
	}

	@Test
	void treePageInBothLanguages() throws Exception {
		mvc.perform(get("/jurisdictions").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("辖区"))).andExpect(content().string(containsString("江滨区")));
		mvc.perform(get("/jurisdictions?lang=en").with(as("center"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("Jurisdictions")))
				.andExpect(content().string(containsString("communities/villages")));
	}

	@Test
	void apiErrorsFollowAcceptLanguage() throws Exception {
		mvc.perform(get("/api/v1/jurisdictions/320819002001001").with(as("grid1")).header("Accept-Language", "en"))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.message").value("You do not have access to this."));
		mvc.perform(get("/api/v1/jurisdictions/320819002001001").with(as("grid1")).header("Accept-Language", "zh-CN"))
				.andExpect(jsonPath("$.message").value("您无权访问该内容。"));
	}
}
