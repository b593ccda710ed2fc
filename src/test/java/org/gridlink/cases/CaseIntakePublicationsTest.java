package org.gridlink.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.gridlink.platform.EventPublicationBatch;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The event publications of a batch of reports ({@link EventPublicationBatch}): written in one statement when the
 * batch's events are all published, in the batch's transaction (rolled back with it), readable by Spring Modulith as
 * its own (what resubmission after a crash reads), and completed by the listeners like any other.
 */
@WebTest
class CaseIntakePublicationsTest {

	/** The two transactional listeners of {@link CaseEvents.CaseReported}. */
	static final Set<String> LISTENERS = Set.of("command.case-reported", "notices-reporter-filed");

	@Autowired
	EventPublicationBatch batch;

	@Autowired
	EventPublicationRepository repository;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseIntake intake;

	long publications(long caseId) {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type = ? AND serialized_event LIKE ?")
				.params(CaseEvents.CaseReported.class.getName(), "%\"caseId\":" + caseId + ",%").query(Long.class)
				.single();
	}

	@Test
	void aBatchWritesEveryPublicationAtItsEndInTheTransactionAndModulithReadsThemAsItsOwn() {
		// case ids no case has: the transaction is rolled back, so no listener ever runs for them
		long base = 9_000_000_000L + (System.nanoTime() % 1_000_000) * 10;
		List<CaseEvents.CaseReported> reported = List.of(new CaseEvents.CaseReported(base + 1, "C0201", "x1"),
				new CaseEvents.CaseReported(base + 2, "C0201", "x2"),
				new CaseEvents.CaseReported(base + 3, "C0202", "x3"));
		transactions.executeWithoutResult(tx -> {
			batch.together(() -> {
				reported.forEach(events::publishEvent);
				// kept until the batch's end: not one INSERT per publication
				reported.forEach(e -> assertThat(publications(e.caseId())).isZero());
				return null;
			});
			// written, two per event (one per listener), inside the transaction
			reported.forEach(e -> assertThat(publications(e.caseId())).isEqualTo(2));
			// Modulith reads them back as its own: the event, the listener, incomplete (what a resubmission reads)
			List<TargetEventPublication> mine = new ArrayList<>();
			for (TargetEventPublication p : repository.findIncompletePublications()) {
				if (p.getEvent() instanceof CaseEvents.CaseReported e && reported.contains(e)) {
					mine.add(p);
				}
			}
			assertThat(mine).hasSize(6);
			assertThat(mine).allSatisfy(p -> assertThat(p.isPublicationCompleted()).isFalse());
			assertThat(mine.stream().map(p -> p.getTargetIdentifier().getValue()).collect(Collectors.toSet()))
					.hasSize(2).allSatisfy(id -> assertThat(LISTENERS.stream().anyMatch(id::contains)).isTrue());
			assertThat(mine.stream().map(TargetEventPublication::getIdentifier).distinct()).hasSize(6);
			tx.setRollbackOnly();
		});
		// rolled back with the transaction
		reported.forEach(e -> assertThat(publications(e.caseId())).isZero());
	}

	@Test
	void aBatchOutsideATransactionIsRefusedAndAFailingWorkStillWritesWhatItPublished() {
		assertThatThrownBy(() -> batch.together(() -> null)).isInstanceOf(IllegalStateException.class);
		long id = 9_100_000_000L + System.nanoTime() % 1_000_000;
		transactions.executeWithoutResult(tx -> {
			assertThatThrownBy(() -> batch.together(() -> {
				events.publishEvent(new CaseEvents.CaseReported(id, "C0201", "x"));
				throw new IllegalArgumentException("the work fails after publishing");
			})).isInstanceOf(IllegalArgumentException.class);
			// as one by one: what was published before the failure is written (the transaction decides its fate)
			assertThat(publications(id)).isEqualTo(2);
			tx.setRollbackOnly();
		});
		assertThat(publications(id)).isZero();
	}

	@Test
	void aBatchOfReportsLeavesNoPublicationIncompleteOnceItsListenersRan() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<CaseIntake.Pending> pending = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			pending.add(CaseIntakeGroupCommitTest.pending("alert-" + run, run + "-" + i));
		}
		intake.writeBatch(pending);
		List<Long> ids = pending.stream().map(p -> p.answer.join().id()).toList();
		assertThat(ids).hasSize(5).doesNotContainNull();
		// both listeners ran for every case (the command center counts each) and completed their publications
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM command_item"
				+ " WHERE kind = 'CASE' AND item_id IN (?, ?, ?, ?, ?)").params(ids.toArray()).query(Long.class)
				.single() == 5);
		await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().mapToLong(this::publications).sum() == 0);
	}
}
