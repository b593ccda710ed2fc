package org.gridlink.platform.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.gridlink.support.WebTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The links of a page come out of the static resource chain as before (WebJars with their version, the application's
 * own files as they are, every other link unchanged), and a link is looked up in the jar once, found or not.
 */
@WebTest
class StaticLinkCacheTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ResourceUrlProvider urls;

	@Test
	void everyStaticResourceHandlerAsksTheCacheFirst() {
		assertThat(urls.getHandlerMap()).isNotEmpty();
		urls.getHandlerMap().forEach((pattern, handler) -> assertThat(handler.getResourceResolvers().get(0))
				.as(pattern).isInstanceOf(StaticLinkCache.Resolver.class));
	}

	@Test
	void linksResolveAsWithoutTheCacheTwiceInARow() {
		for (int i = 0; i < 2; i++) {
			assertThat(urls.getForLookupPath("/webjars/bootstrap/css/bootstrap.min.css"))
					.matches("/webjars/bootstrap/\\d[^/]*/css/bootstrap\\.min\\.css");
			assertThat(urls.getForLookupPath("/css/app.css")).isEqualTo("/css/app.css");
			assertThat(urls.getForLookupPath("/cases/4711")).isNull();
			assertThat(urls.getForLookupPath("/css/no-such-file.css")).isNull();
		}
	}

	@Test
	void pagesStillLinkTheWebJarsByVersion() throws Exception {
		for (int i = 0; i < 2; i++) {
			String page = mvc.perform(get("/login").param("lang", "en")).andReturn().getResponse()
					.getContentAsString();
			assertThat(page).containsPattern("href=\"/webjars/bootstrap/\\d[^/\"]*/css/bootstrap\\.min\\.css\"")
					.contains("href=\"/css/app.css\"").doesNotContain("/webjars/bootstrap/css/");
		}
	}

	@Test
	void theChainIsAskedOnceForALinkFoundOrNot() {
		StaticLinkCache.Resolver resolver = new StaticLinkCache.Resolver();
		Counting chain = new Counting();
		assertThat(resolver.resolveUrlPath("css/app.css", List.of(), chain)).isEqualTo("css/app.css");
		assertThat(resolver.resolveUrlPath("css/app.css", List.of(), chain)).isEqualTo("css/app.css");
		assertThat(resolver.resolveUrlPath("cases/4711", List.of(), chain)).isNull();
		assertThat(resolver.resolveUrlPath("cases/4711", List.of(), chain)).isNull();
		assertThat(chain.asked).containsExactly("css/app.css", "cases/4711");
		// serving a resource is not cached: each request goes down the chain
		resolver.resolveResource(null, "css/app.css", List.of(), chain);
		resolver.resolveResource(null, "css/app.css", List.of(), chain);
		assertThat(chain.served).isEqualTo(2);
	}

	/** A chain that knows one file (css/...) and counts what it is asked. */
	private static final class Counting implements ResourceResolverChain {

		final List<String> asked = new ArrayList<>();
		int served;

		@Override
		public @Nullable Resource resolveResource(@Nullable HttpServletRequest request, String requestPath,
				List<? extends Resource> locations) {
			served++;
			return null;
		}

		@Override
		public @Nullable String resolveUrlPath(String resourcePath, List<? extends Resource> locations) {
			asked.add(resourcePath);
			return resourcePath.startsWith("css/") ? resourcePath : null;
		}
	}
}
