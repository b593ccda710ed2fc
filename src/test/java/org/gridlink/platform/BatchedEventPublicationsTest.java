package org.gridlink.platform;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridlink.support.WebTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The completion marks of event publications, queued and written together ({@link BatchedEventPublications}): a
 * "processing" mark and a completion arrive, a failure mark is never overtaken by an earlier "processing" one, the
 * look-ups see every mark made before them, and a completion deletes the publication (completion-mode delete).
 * Works on rows of a listener that does not exist, so no listener runs.
 */
@WebTest
class BatchedEventPublicationsTest {

	static final String LISTENER = "test.batched-marks";

	@Autowired
	EventPublicationRepository repository;

	@Autowired
	BatchedEventPublications publications;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void clean() {
		jdbc.sql("DELETE FROM event_publication WHERE listener_id = ?").param(LISTENER).update();
	}

	UUID row() {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(BatchedEventPublications.INSERT).params(id, "java.lang.String", LISTENER, now, "\"x\"", "PUBLISHED", 1,
				now).update();
		return id;
	}

	@Nullable
	String status(UUID id) {
		return jdbc.sql("SELECT status FROM event_publication WHERE id = ?").param(id).query(String.class).optional()
				.orElse("gone");
	}

	@Test
	void marksAreQueuedAndWrittenTogetherACompletedPublicationIsDeletedWithoutItsProcessingMark() {
		assertThat(repository).isInstanceOf(BatchedEventPublications.Repository.class);
		assertThat(publications.defersMarks()).as("completion-mode delete, deferral on").isTrue();
		UUID processing = row();
		UUID done = row();
		long[] before = publications.markFigures();
		repository.markProcessing(processing);
		repository.markProcessing(done);
		repository.markCompleted(done, Instant.now());
		await().atMost(Duration.ofSeconds(10)).until(() -> "gone".equals(status(done)));
		await().atMost(Duration.ofSeconds(10)).until(() -> "PROCESSING".equals(status(processing)));
		long[] after = publications.markFigures();
		assertThat(after[1] - before[1]).as("marks written").isGreaterThanOrEqualTo(3);
		assertThat(after[0] - before[0]).as("in fewer transactions than marks").isLessThan(after[1] - before[1]);
	}

	@Test
	void aFailureMarkIsNeverOvertakenAndLookUpsSeeEveryEarlierMark() {
		UUID failed = row();
		UUID completed = row();
		// a listener that starts and fails at once: its failure must win over its queued "processing" mark
		repository.markProcessing(failed);
		repository.markFailed(failed);
		assertThat(status(failed)).isEqualTo("FAILED");
		publications.writeMarks();
		assertThat(status(failed)).isEqualTo("FAILED");
		// a completion just queued: the look-up of incomplete publications (what a resubmission reads) writes it first
		repository.markCompleted(completed, Instant.now());
		List<UUID> incomplete = repository.findIncompletePublications().stream()
				.map(TargetEventPublication::getIdentifier).toList();
		assertThat(incomplete).doesNotContain(completed);
		assertThat(status(completed)).isEqualTo("gone");
	}
}
