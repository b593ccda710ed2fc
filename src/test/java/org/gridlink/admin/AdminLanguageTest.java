package org.gridlink.admin;

import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin pages speak Chinese by default and English with ?lang=en. */
@WebTest
class AdminLanguageTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theImportPageIsChineseByDefaultAndEnglishOnRequest() throws Exception {
		String chinese = page("/admin/users/import", null);
		String english = page("/admin/users/import", "en");

		assertThat(chinese).contains("lang=\"zh-CN\"", "<h1 class=\"h4 mb-3\">批量导入用户</h1>", "下载 CSV 模板")
				.doesNotContain("Download the CSV template");
		assertThat(english).contains("lang=\"en\"", "<h1 class=\"h4 mb-3\">Import users</h1>",
				"Download the CSV template").doesNotContain("批量导入用户");
	}

	@Test
	void theStaffPageTranslatesLabelsAndKinds() throws Exception {
		assertThat(page("/admin/staff?kind=GRID_WORKER", null)).contains("人员与分配", ">网格员<");
		assertThat(page("/admin/staff?kind=GRID_WORKER", "en")).contains("Staff and assignments", ">Grid worker<")
				.doesNotContain("人员与分配");
	}

	private String page(String url, String lang) throws Exception {
		var request = get(url).with(Demo.as("admin"));
		if (lang != null) {
			request.param("lang", lang);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}
}
