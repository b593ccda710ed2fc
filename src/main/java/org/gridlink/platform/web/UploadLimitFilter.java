package org.gridlink.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends an upload larger than the multipart limit back to its page with {@code ?tooLarge=true}, before anything reads
 * the body. Otherwise the CSRF check's parameter read fails inside the container and the user gets its bare 413
 * page instead of a message next to the file field. API clients ({@code /api/}) get a 413 with the API's error body
 * and Open311 clients ({@code /open311/}) a 413 in the GeoReport error shape instead of the redirect.
 */
class UploadLimitFilter extends OncePerRequestFilter {

	static final String PARAMETER = "tooLarge";

	private final long maxBytes;
	private final long bulkMaxBytes;
	private final java.util.List<String> bulkPaths;
	private final long photoMaxBytes;
	private final java.util.List<String> photoPaths;
	private final AntPathMatcher matcher = new AntPathMatcher();

	UploadLimitFilter(long maxBytes) {
		this(maxBytes, maxBytes, java.util.List.of());
	}

	UploadLimitFilter(long maxBytes, long bulkMaxBytes, java.util.List<String> bulkPaths) {
		this(maxBytes, bulkMaxBytes, bulkPaths, maxBytes, java.util.List.of());
	}

	UploadLimitFilter(long maxBytes, long bulkMaxBytes, java.util.List<String> bulkPaths, long photoMaxBytes,
			java.util.List<String> photoPaths) {
		this.maxBytes = maxBytes;
		this.bulkMaxBytes = bulkMaxBytes;
		this.bulkPaths = bulkPaths;
		this.photoMaxBytes = photoMaxBytes;
		this.photoPaths = photoPaths;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if ("POST".equals(request.getMethod()) && type != null && type.toLowerCase().startsWith("multipart/")
				&& request.getContentLengthLong() > limitFor(request.getRequestURI())) {
			if (request.getRequestURI().startsWith("/open311/")) {
				open311TooLarge(request, response);
				return;
			}
			if (request.getRequestURI().startsWith("/api/")) {
				apiTooLarge(request, response);
				return;
			}
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			response.setHeader(HttpHeaders.LOCATION, request.getRequestURI() + "?" + PARAMETER + "=true");
			return;
		}
		chain.doFilter(request, response);
	}

	/** API clients get 413 with the API's error body ({@code code}, {@code message}), in their language. */
	private static void apiTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean chinese = request.getLocale() != null && "zh".equals(request.getLocale().getLanguage());
		response.setStatus(413);
		response.setCharacterEncoding("UTF-8");
		response.setContentType("application/json");
		response.getWriter().write("{\"code\":\"PAYLOAD_TOO_LARGE\",\"message\":\""
				+ (chinese ? "上传内容过大。" : "The upload is too large.") + "\"}");
	}

	/** Open311 clients follow no redirect to a page: 413 in the GeoReport v2 error shape of the requested format. */
	private static void open311TooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String description = "Upload too large: a photo may have at most 10 MB. / 上传内容过大：照片不能超过 10 MB。";
		response.setStatus(413);
		response.setCharacterEncoding("UTF-8");
		if (request.getRequestURI().endsWith(".json")) {
			response.setContentType("application/json");
			response.getWriter().write("[{\"code\":413,\"description\":\"" + description + "\"}]");
		}
		else {
			response.setContentType("text/xml");
			response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>413</code>"
					+ "<description>" + description + "</description></error></errors>");
		}
	}

	private long limitFor(String path) {
		if (bulkPaths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
			return bulkMaxBytes;
		}
		return photoPaths.stream().anyMatch(p -> matcher.match(p, path)) ? photoMaxBytes : maxBytes;
	}
}
