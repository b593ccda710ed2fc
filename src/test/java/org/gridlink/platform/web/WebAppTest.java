package org.gridlink.platform.web;

import java.util.List;
import java.util.Map;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

/**
 * The installable web app: a valid manifest (name, zh-CN, the user's home as start, standalone, icons that exist),
 * the service worker served from the root with no-cache and allowed by the Content Security Policy, and the layout's
 * links to both.
 */
@WebTest
class WebAppTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	@SuppressWarnings("unchecked")
	void theManifestIsValidJsonWithIconsThatExist() throws Exception {
		String body = mvc.perform(get("/manifest.webmanifest")).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", containsString("application/manifest+json")))
				.andExpect(header().string("Cache-Control", containsString("no-cache")))
				.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		Map<String, Object> manifest = json.readValue(body, Map.class);
		assertThat(manifest).containsEntry("name", "GridLink 网格联动").containsEntry("short_name", "网格联动")
				.containsEntry("lang", "zh-CN").containsEntry("start_url", "/").containsEntry("scope", "/")
				.containsEntry("display", "standalone").containsKey("theme_color");
		List<Map<String, String>> icons = (List<Map<String, String>>) manifest.get("icons");
		assertThat(icons).extracting(i -> i.get("sizes")).contains("192x192", "512x512");
		assertThat(icons).extracting(i -> i.get("purpose")).contains("any", "maskable");
		for (Map<String, String> icon : icons) {
			mvc.perform(get(icon.get("src"))).andExpect(status().isOk())
					.andExpect(header().string("Content-Type", containsString(icon.get("type"))));
		}
		mvc.perform(get("/favicon.ico")).andExpect(status().isOk());
		mvc.perform(get("/img/apple-touch-icon.png")).andExpect(status().isOk());
	}

	@Test
	void theServiceWorkerIsServedFromTheRootUncachedAndAllowedByThePolicy() throws Exception {
		String csp = mvc.perform(get("/sw.js")).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", containsString("text/javascript")))
				.andExpect(header().string("Cache-Control", containsString("no-cache")))
				.andExpect(content().string(containsString("gridlink-pages-")))
				.andExpect(content().string(containsString("KEEP_HOURS")))
				.andReturn().getResponse().getHeader("Content-Security-Policy");
		// scripts, workers and the manifest from our own origin only: default-src 'self' covers worker-src and manifest-src
		assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").doesNotContain("worker-src")
				.doesNotContain("manifest-src");
		mvc.perform(get("/checkpoint-sw.js").with(as("checkpoint1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("gridlink-checkpoint-")));
	}

	@Test
	void everyPageLinksTheManifestAndSignedInPagesLoadTheOfflineScript() throws Exception {
		mvc.perform(get("/login")).andExpect(status().isOk())
				.andExpect(content().string(containsString("rel=\"manifest\" href=\"/manifest.webmanifest\"")))
				.andExpect(content().string(containsString("/js/offline.js")))
				.andExpect(content().string(not(containsString("name=\"gl-user\""))));
		mvc.perform(get("/").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("name=\"gl-user\" content=\"grid1\"")))
				.andExpect(content().string(containsString("id=\"gl-outbox\"")))
				.andExpect(content().string(containsString("/img/logo.svg")));
		mvc.perform(get("/cases/report").with(as("grid1"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-gl-outbox=\"case-report\"")))
				.andExpect(content().string(containsString("id=\"gl-outbox-list\"")));
	}
}
