package org.gridlink.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store ({@code spring_session}, JDBC) without a write per request: Spring Session sets a session's last
 * access time on every request that reads it, and the JDBC store then writes the session's row
 * ({@code UPDATE spring_session SET last_access_time, expiry_time ...}) — a transaction per page view although nothing
 * else changed. Here a new last access time is kept only when it is at least {@code gridlink.session.touch-every}
 * (60 s) after the stored one; otherwise the session stays unchanged and the request writes nothing (attributes that
 * change are still written, by the store's own delta). The cost: a session idle for the whole timeout (30 min) may
 * end up to that much earlier than 30 min after its very last request. Everything else passes through: each request
 * still reads the session from the database (so a session deleted on logout, revocation or a disabled account — on
 * any instance — is gone at the next request), and creating, saving, deleting and finding by principal are the
 * store's.
 */
class SessionTouches<S extends Session> implements FindByIndexNameSessionRepository<SessionTouches.Touched<S>> {

	private final FindByIndexNameSessionRepository<S> store;
	private final Duration touchEvery;

	SessionTouches(FindByIndexNameSessionRepository<S> store, Duration touchEvery) {
		this.store = store;
		this.touchEvery = touchEvery;
	}

	@Override
	public Touched<S> createSession() {
		return new Touched<>(store.createSession(), Duration.ZERO);
	}

	@Override
	public void save(Touched<S> session) {
		store.save(session.session);
	}

	@Override
	public @Nullable Touched<S> findById(String id) {
		S found = store.findById(id);
		return found == null ? null : new Touched<>(found, touchEvery);
	}

	@Override
	public void deleteById(String id) {
		store.deleteById(id);
	}

	@Override
	public Map<String, Touched<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Touched<S>> found = new LinkedHashMap<>();
		store.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new Touched<>(session, touchEvery)));
		return found;
	}

	/** A stored session whose last access time moves only in steps of at least {@code touchEvery}. */
	static final class Touched<S extends Session> implements Session {

		private final S session;
		private final Duration touchEvery;

		Touched(S session, Duration touchEvery) {
			this.session = session;
			this.touchEvery = touchEvery;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (Duration.between(session.getLastAccessedTime(), lastAccessedTime).compareTo(touchEvery) >= 0) {
				session.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return session.getId();
		}

		@Override
		public String changeSessionId() {
			return session.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return session.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return session.isExpired();
		}
	}
}
