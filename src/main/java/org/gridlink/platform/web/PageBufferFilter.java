package org.gridlink.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a request with a cookie a response buffer of {@code gridlink.web.page-buffer} (64 KB) instead of the
 * container's 8 KB, in front of the session filter. Why: Spring Session saves the session when the response is
 * committed and again when the request ends; a page larger than the buffer (the case list, 30–40 KB) is committed
 * while it is written, and the second save then reads the session from the database once more (the session filter
 * forgets the session it read at the first save) — one {@code SELECT} of {@code spring_session} per page for nothing.
 * With the page in the buffer the response is committed once, at the end. The buffer grows only as far as a
 * response needs; a response that flushes (a download, a stream) is sent as before.
 */
class PageBufferFilter extends OncePerRequestFilter {

	private final int bufferSize;

	PageBufferFilter(int bufferSize) {
		this.bufferSize = bufferSize;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getHeader("Cookie") != null && response.getBufferSize() < bufferSize) {
			response.setBufferSize(bufferSize);
		}
		chain.doFilter(request, response);
	}
}
