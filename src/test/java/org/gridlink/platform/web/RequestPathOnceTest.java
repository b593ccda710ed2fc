package org.gridlink.platform.web;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.RequestPath;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The request's path is parsed once for the whole chain and put back as it was afterwards. */
class RequestPathOnceTest {

	private final RequestPathConfig.RequestPathOnce filter = new RequestPathConfig.RequestPathOnce();

	@Test
	void theChainSeesTheParsedPathAndItIsGoneAfterwards() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
		AtomicReference<RequestPath> seen = new AtomicReference<>();
		filter.doFilter(request, new MockHttpServletResponse(),
				(req, res) -> seen.set(ServletRequestPathUtils.hasParsedRequestPath(req)
						? ServletRequestPathUtils.getParsedRequestPath(req) : null));
		assertThat(seen.get()).isNotNull();
		assertThat(seen.get().pathWithinApplication().value()).isEqualTo("/api/v1/me");
		assertThat(ServletRequestPathUtils.hasParsedRequestPath(request)).isFalse();
	}

	@Test
	void aPathParsedBeforeIsPutBack() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cases/7");
		RequestPath before = ServletRequestPathUtils.parseAndCache(request);
		request.setRequestURI("/error");
		AtomicReference<String> seen = new AtomicReference<>();
		filter.doFilter(request, new MockHttpServletResponse(),
				(req, res) -> seen.set(ServletRequestPathUtils.getParsedRequestPath(req).value()));
		assertThat(seen.get()).isEqualTo("/error");
		assertThat(ServletRequestPathUtils.getParsedRequestPath(request)).isSameAs(before);
	}

	@Test
	void aPathThatDoesNotParseIsLeftToTheChain() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cases/%zz");
		AtomicReference<Boolean> reached = new AtomicReference<>(false);
		filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			reached.set(true);
			assertThat(ServletRequestPathUtils.hasParsedRequestPath(req)).isFalse();
		});
		assertThat(reached.get()).isTrue();
	}
}
