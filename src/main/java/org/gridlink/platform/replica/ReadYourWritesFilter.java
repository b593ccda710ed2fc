package org.gridlink.platform.replica;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read-your-writes for the session. A request that changes something (POST, PUT, PATCH, DELETE) reads only the
 * primary, and so does one in which a write transaction committed ({@link WriteTransactions}); at its end the time
 * is stored in the HTTP session ({@value #LAST_WRITE}, epoch milliseconds). The session lives in the database, so
 * the next request of the same user, on any instance, finds it and reads the primary until
 * {@code gridlink.replica.read-your-writes} has passed. Requests without a session (API tokens, public pages) have
 * read-your-writes within the request only.
 */
class ReadYourWritesFilter extends OncePerRequestFilter {

	static final String LAST_WRITE = "gridlink.replica.lastWrite";

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final Clock clock;

	ReadYourWritesFilter(Clock clock) {
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean writing = !SAFE.contains(request.getMethod());
		if (writing) {
			// stored already now as well: a response committed early (a redirect) may save the session before the end
			remember(request.getSession(false));
		}
		RequestReads.begin(lastWrite(request.getSession(false)), writing);
		try {
			chain.doFilter(request, response);
		}
		finally {
			RequestReads.@Nullable Context context = RequestReads.current();
			RequestReads.end();
			if (context != null && context.writing()) {
				remember(request.getSession(false));
			}
		}
	}

	private void remember(@Nullable HttpSession session) {
		if (session != null) {
			try {
				session.setAttribute(LAST_WRITE, clock.millis());
			}
			catch (IllegalStateException invalidated) {
				// logged out in this request: nothing to remember
			}
		}
	}

	private static @Nullable Instant lastWrite(@Nullable HttpSession session) {
		if (session == null) {
			return null;
		}
		try {
			return session.getAttribute(LAST_WRITE) instanceof Long millis ? Instant.ofEpochMilli(millis) : null;
		}
		catch (IllegalStateException invalidated) {
			return null;
		}
	}
}
