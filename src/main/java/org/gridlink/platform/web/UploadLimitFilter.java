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
 * page instead of a message next to the file field.
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
			response.setStatus(HttpServletResponse.SC_SEE_OTHER);
			response.setHeader(HttpHeaders.LOCATION, request.getRequestURI() + "?" + PARAMETER + "=true");
			return;
		}
		chain.doFilter(request, response);
	}

	private long limitFor(String path) {
		if (bulkPaths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
			return bulkMaxBytes;
		}
		return photoPaths.stream().anyMatch(p -> matcher.match(p, path)) ? photoMaxBytes : maxBytes;
	}
}
