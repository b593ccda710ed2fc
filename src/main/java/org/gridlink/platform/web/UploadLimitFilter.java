package org.gridlink.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Sends an upload larger than the multipart limit back to its page with {@code ?tooLarge=true}, before anything reads
 * the body. Otherwise the CSRF check's parameter read fails inside the container and the user gets its bare 413
 * page instead of a message next to the file field. API clients ({@code /api/}) get a 413 with the API's error body
 * and Open311 clients ({@code /open311/}) a 413 in the GeoReport error shape instead of the redirect.
 * <p>
 * An upload without a Content-Length (chunked) is held to the same limit on the bytes actually read: the filter reads
 * it up to the limit and answers 413 beyond (in the shape of its path); within the limit the request goes on with the
 * bytes read ({@link BufferedBodyRequest}). Bulk import paths are left to the container's multipart limit
 * ({@code spring.servlet.multipart.max-request-size}), which counts the bytes it reads too.
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
		boolean upload = "POST".equals(request.getMethod()) && type != null && type.toLowerCase().startsWith("multipart/");
		// (a request whose parts are already parsed, as MockMvc's multipart requests, has no body left to count)
		if (upload && request.getContentLengthLong() < 0 && !bulk(request.getRequestURI())
				&& WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) == null) {
			byte[] body = readAtMost(request.getInputStream(), limitFor(request.getRequestURI()));
			if (body == null) {
				tooLarge(request, response);
				return;
			}
			chain.doFilter(new BufferedBodyRequest(request, body), response);
			return;
		}
		if (upload && request.getContentLengthLong() > limitFor(request.getRequestURI())) {
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

	/** A chunked upload over the limit comes from a program, not a browser's form: 413 in the shape of the path. */
	private static void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getRequestURI().startsWith("/open311/")) {
			open311TooLarge(request, response);
		}
		else if (request.getRequestURI().startsWith("/api/")) {
			apiTooLarge(request, response);
		}
		else {
			response.sendError(413);
		}
	}

	/** The whole body if it has at most {@code limit} bytes, else null (having read one byte more than the limit). */
	private static byte[] readAtMost(InputStream in, long limit) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		int read;
		while ((read = in.read(buffer)) != -1) {
			body.write(buffer, 0, read);
			if (body.size() > limit) {
				return null;
			}
		}
		return body.toByteArray();
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

	private boolean bulk(String path) {
		return bulkPaths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
	}

	private long limitFor(String path) {
		if (bulk(path)) {
			return bulkMaxBytes;
		}
		return photoPaths.stream().anyMatch(p -> matcher.match(p, path)) ? photoMaxBytes : maxBytes;
	}
}
