package org.gridlink.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

/**
 * The session store in front of the JDBC one: a request's new last access time is kept only when it moved by the
 * step or more; attributes, deletion and look-ups by principal pass through.
 */
class SessionTouchesTest {

	/** A store that counts saves and hands out copies, as a database would. */
	static class Store implements FindByIndexNameSessionRepository<MapSession> {

		final Map<String, MapSession> rows = new HashMap<>();
		int saves;

		@Override
		public MapSession createSession() {
			return new MapSession();
		}

		@Override
		public void save(MapSession session) {
			saves++;
			rows.put(session.getId(), new MapSession(session));
		}

		@Override
		public MapSession findById(String id) {
			MapSession row = rows.get(id);
			return row == null ? null : new MapSession(row);
		}

		@Override
		public void deleteById(String id) {
			rows.remove(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			Map<String, MapSession> found = new HashMap<>();
			rows.forEach((id, s) -> {
				if (indexValue.equals(s.getAttribute(PRINCIPAL_NAME_INDEX_NAME))) {
					found.put(id, new MapSession(s));
				}
			});
			return found;
		}
	}

	@Test
	void theLastAccessMovesOnlyInStepsAndEverythingElsePassesThrough() {
		Store store = new Store();
		SessionTouches<MapSession> sessions = new SessionTouches<>(store, Duration.ofSeconds(60));
		var created = sessions.createSession();
		Instant start = created.getLastAccessedTime().plusMillis(1);
		created.setLastAccessedTime(start);
		assertThat(created.getLastAccessedTime()).as("a new session takes any later time").isEqualTo(start);
		created.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "grid1");
		sessions.save(created);

		var read = sessions.findById(created.getId());
		read.setLastAccessedTime(start.plusSeconds(59));
		assertThat(read.getLastAccessedTime()).as("59 s later: not moved").isEqualTo(start);
		read.setLastAccessedTime(start.plusSeconds(60));
		assertThat(read.getLastAccessedTime()).as("60 s later: moved").isEqualTo(start.plusSeconds(60));

		read.setAttribute("x", 1);
		sessions.save(read);
		assertThat(store.findById(created.getId()).<Integer>getAttribute("x")).isEqualTo(1);
		assertThat(store.findById(created.getId()).getLastAccessedTime()).isEqualTo(start.plusSeconds(60));
		assertThat(sessions.findByPrincipalName("grid1")).containsOnlyKeys(created.getId());

		String oldId = read.getId();
		String newId = read.changeSessionId();
		assertThat(newId).isNotEqualTo(oldId).isEqualTo(read.getId());

		sessions.deleteById(created.getId());
		assertThat(sessions.findById(created.getId())).isNull();
	}
}
