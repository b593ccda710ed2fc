package org.gridlink.admin;

import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every new page renders for its role in both languages, with no missing message key ("??key??"). */
@WebTest
class AdminPagesRenderTest {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource({
			"admin, /admin/users, zh-CN", "admin, /admin/users, en",
			"admin, /admin/users?q=nobody-matches-this, en",
			"admin, /admin/users/new, zh-CN", "admin, /admin/users/new, en",
			"admin, /admin/users/1, zh-CN", "admin, /admin/users/1, en",
			"admin, /admin/users/import, zh-CN", "admin, /admin/users/import, en",
			"admin, /admin/units, zh-CN", "admin, /admin/units, en",
			"admin, /admin/staff, zh-CN", "admin, /admin/staff?kind=CADRE&q=王, en",
			"admin, /admin/staff/new, zh-CN", "admin, /admin/staff/new?kind=OFFICER, en",
			"admin, /admin/staff/1, zh-CN", "admin, /admin/staff/1300, en",
			"admin, /admin/staff/1400, zh-CN", "admin, /admin/staff/2350, en",
			"admin, /admin/compounds, zh-CN", "admin, /admin/compounds?under=320819001000, en",
			"admin, /admin/compounds?under=12ab, zh-CN",
			"auditor, /audit, zh-CN", "auditor, /audit?outcome=DENIED&from=2020-01-01, en",
			"auditor, /audit?from=yesterday&to=2020-01-01, en",
			"grid1, /account/tokens, zh-CN", "grid1, /account/tokens, en" })
	void rendersWithEveryMessage(String user, String url, String lang) throws Exception {
		String html = mvc.perform(get(url).param("lang", lang).with(Demo.as(user)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("lang=\"" + lang + "\"").doesNotContain("??");
	}
}
