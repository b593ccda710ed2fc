package org.gridlink.platform.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The general upload limit, and the larger ones for bulk imports and case photos (path patterns). */
class UploadLimitFilterTest {

	final UploadLimitFilter filter = new UploadLimitFilter(1_000, 100_000, List.of("/residents/imports"), 10_000,
			List.of("/api/v1/cases/*/photos", "/cases/*/photos", "/open311/v2/requests.*"));

	MockHttpServletResponse last;

	int post(String path, int bytes) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setContentType("multipart/form-data; boundary=x");
		request.setContent(new byte[bytes]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		last = response;
		return response.getStatus();
	}

	@Test
	void photoPathsAllowMoreThanTheGeneralLimitButNotMoreThanTheirOwn() throws Exception {
		assertThat(post("/api/v1/cases/42/photos", 5_000)).isEqualTo(200);
		assertThat(post("/api/v1/cases/42/photos", 20_000)).as("API clients get 413, not a redirect").isEqualTo(413);
		assertThat(last.getContentAsString()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
		assertThat(post("/cases/42/photos", 20_000)).as("pages are sent back to the form").isEqualTo(303);
		assertThat(post("/open311/v2/requests.json", 5_000)).isEqualTo(200);
		assertThat(post("/open311/v2/requests.xml", 20_000)).isEqualTo(413);
		assertThat(last.getContentAsString()).contains("<errors><error><code>413</code>");
		assertThat(post("/open311/v2/requests.json", 20_000)).isEqualTo(413);
		assertThat(last.getContentAsString()).startsWith("[{\"code\":413,");
		assertThat(post("/api/v1/cases/42/actions/feedback", 5_000)).isEqualTo(413);
		assertThat(post("/api/v1/cases/42/photos/x", 5_000)).isEqualTo(413);
		assertThat(post("/residents/imports", 50_000)).isEqualTo(200);
		assertThat(post("/admin/users/import", 5_000)).isEqualTo(303);
	}
}
