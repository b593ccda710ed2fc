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

	/** A request sent chunked: no Content-Length, only the bytes. */
	static MockHttpServletRequest chunked(String path, byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
			@Override
			public int getContentLength() {
				return -1;
			}

			@Override
			public long getContentLengthLong() {
				return -1;
			}
		};
		request.setContentType("multipart/form-data; boundary=x");
		request.setContent(body);
		return request;
	}

	static byte[] multipart(String field, String value, int fileBytes) {
		String head = "--x\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n"
				+ "--x\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n";
		byte[] start = head.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] end = "\r\n--x--\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] all = new byte[start.length + fileBytes + end.length];
		System.arraycopy(start, 0, all, 0, start.length);
		System.arraycopy(end, 0, all, start.length + fileBytes, end.length);
		return all;
	}

	@Test
	void aChunkedUploadIsHeldToTheLimitOnTheBytesRead() throws Exception {
		UploadLimitFilter general = new UploadLimitFilter(1024 * 1024, 200L * 1024 * 1024, List.of("/residents/imports"));
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		general.doFilter(chunked("/report", multipart("description", "x", 15 * 1024 * 1024)), response, chain);
		assertThat(response.getStatus()).as("anonymous 15 MB, chunked, to a 1 MB page").isEqualTo(413);
		assertThat(chain.getRequest()).as("never reaches the application").isNull();

		response = new MockHttpServletResponse();
		general.doFilter(chunked("/api/v1/cases/1/actions/feedback", multipart("a", "b", 2 * 1024 * 1024)), response,
				new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("PAYLOAD_TOO_LARGE");
	}

	@Test
	void aChunkedUploadWithinTheLimitReachesTheApplicationWithItsFieldsAndParts() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletRequest request = chunked("/report", multipart("description", "路灯坏了", 500));
		request.setQueryString("lang=en");
		request.setCharacterEncoding("UTF-8");
		filter.doFilter(request, new MockHttpServletResponse(), chain);
		jakarta.servlet.http.HttpServletRequest passed = (jakarta.servlet.http.HttpServletRequest) chain.getRequest();
		assertThat(passed.getParameter("description")).isEqualTo("路灯坏了");
		assertThat(passed.getParameter("lang")).isEqualTo("en");
		assertThat(passed.getPart("photo").getSize()).isEqualTo(500);
		assertThat(passed.getContentLengthLong()).isPositive();
	}

	@Test
	void chunkedBulkImportsAreLeftToTheContainersLimit() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletRequest request = chunked("/residents/imports", multipart("a", "b", 50_000));
		filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(request);
	}
}
