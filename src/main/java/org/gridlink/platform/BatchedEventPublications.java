package org.gridlink.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;

/**
 * Wraps Spring Modulith's event publication repository (the JDBC one, schema v2, table {@code event_publication} of
 * the {@code __root} migration) so that the publications created inside {@link EventPublicationBatch#together} are
 * written in one batched INSERT. Modulith 2.0 has no batched create: its registry calls
 * {@link EventPublicationRepository#create} once per event and listener, and its JDBC repository runs one INSERT each.
 * The repository is Modulith's public SPI; this wrapper only defers {@code create} while a batch is open on the
 * calling thread and writes the same columns with the same values as Modulith's {@code JdbcEventPublicationRepositoryV2}
 * ({@code BatchedEventPublicationsTest} reads them back through Modulith). Every other call goes to Modulith's
 * repository unchanged, after writing what the open batch holds (so that a look-up inside the batch sees it).
 * <p>
 * Not {@code Ordered}: it runs after the transaction proxy has been put around Modulith's repository, and wraps that.
 */
@Component
class BatchedEventPublications implements BeanPostProcessor {

	/** The columns of {@code JdbcEventPublicationRepositoryV2.create}, in its order. */
	static final String INSERT = """
			INSERT INTO event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
			completion_attempts, last_resubmission_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final ThreadLocal<@Nullable Batch> OPEN = new ThreadLocal<>();

	private final ObjectProvider<JdbcTemplate> jdbc;
	private final ObjectProvider<EventSerializer> serializer;

	BatchedEventPublications(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<EventSerializer> serializer) {
		this.jdbc = jdbc;
		this.serializer = serializer;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof EventPublicationRepository repository && !(bean instanceof Repository)) {
			return new Repository(repository, this);
		}
		return bean;
	}

	/** See {@link EventPublicationBatch#together}. */
	static <T> T together(Supplier<T> work) {
		if (OPEN.get() != null) {
			return work.get();
		}
		Batch batch = new Batch();
		OPEN.set(batch);
		T result;
		try {
			result = work.get();
		}
		catch (RuntimeException | Error ex) {
			OPEN.remove();
			try {
				batch.write();
			}
			catch (RuntimeException writing) {
				ex.addSuppressed(writing);
			}
			throw ex;
		}
		OPEN.remove();
		batch.write();
		return result;
	}

	/** True while a batch is open on this thread (tests). */
	static boolean open() {
		return OPEN.get() != null;
	}

	/** The publications kept on one thread, and the repository that writes them. */
	private static final class Batch {

		final List<TargetEventPublication> publications = new ArrayList<>();
		@Nullable Repository writer;

		void write() {
			Repository to = writer;
			if (to != null && !publications.isEmpty()) {
				List<TargetEventPublication> all = List.copyOf(publications);
				publications.clear();
				to.insert(all);
			}
		}
	}

	private void insert(List<TargetEventPublication> publications) {
		EventSerializer events = serializer.getObject();
		List<Object[]> rows = new ArrayList<>(publications.size());
		for (TargetEventPublication p : publications) {
			Timestamp published = Timestamp.from(p.getPublicationDate());
			rows.add(new Object[] { p.getIdentifier(), p.getEvent().getClass().getName(),
					p.getTargetIdentifier().getValue(), published, events.serialize(p.getEvent()).toString(),
					p.getStatus().name(), 1, published });
		}
		jdbc.getObject().batchUpdate(INSERT, rows);
	}

	/** Modulith's repository with {@code create} deferred while a batch is open on the calling thread. */
	static final class Repository implements EventPublicationRepository {

		private final EventPublicationRepository modulith;
		private final BatchedEventPublications owner;

		Repository(EventPublicationRepository modulith, BatchedEventPublications owner) {
			this.modulith = modulith;
			this.owner = owner;
		}

		void insert(List<TargetEventPublication> publications) {
			owner.insert(publications);
		}

		/** Writes what the open batch holds before any other use of the table on this thread. */
		private void writeOpen() {
			Batch batch = OPEN.get();
			if (batch != null) {
				batch.write();
			}
		}

		@Override
		public TargetEventPublication create(TargetEventPublication publication) {
			Batch batch = OPEN.get();
			if (batch == null) {
				return modulith.create(publication);
			}
			batch.writer = this;
			batch.publications.add(publication);
			return publication;
		}

		@Override
		public void markProcessing(UUID identifier) {
			writeOpen();
			modulith.markProcessing(identifier);
		}

		@Override
		public void markCompleted(TargetEventPublication publication, Instant completionDate) {
			writeOpen();
			modulith.markCompleted(publication, completionDate);
		}

		@Override
		public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
			writeOpen();
			modulith.markCompleted(event, identifier, completionDate);
		}

		@Override
		public void markCompleted(UUID identifier, Instant completionDate) {
			writeOpen();
			modulith.markCompleted(identifier, completionDate);
		}

		@Override
		public void markFailed(UUID identifier) {
			writeOpen();
			modulith.markFailed(identifier);
		}

		@Override
		public boolean markResubmitted(UUID identifier, Instant instant) {
			writeOpen();
			return modulith.markResubmitted(identifier, instant);
		}

		@Override
		public List<TargetEventPublication> findIncompletePublications() {
			writeOpen();
			return modulith.findIncompletePublications();
		}

		@Override
		public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
			writeOpen();
			return modulith.findIncompletePublicationsPublishedBefore(instant);
		}

		@Override
		public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
				PublicationTargetIdentifier targetIdentifier) {
			writeOpen();
			return modulith.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
		}

		@Override
		public List<TargetEventPublication> findCompletedPublications() {
			writeOpen();
			return modulith.findCompletedPublications();
		}

		@Override
		public void deletePublications(List<UUID> identifiers) {
			writeOpen();
			modulith.deletePublications(identifiers);
		}

		@Override
		public void deleteCompletedPublications() {
			writeOpen();
			modulith.deleteCompletedPublications();
		}

		@Override
		public void deleteCompletedPublicationsBefore(Instant instant) {
			writeOpen();
			modulith.deleteCompletedPublicationsBefore(instant);
		}

		@Override
		public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
			writeOpen();
			return modulith.findFailedPublications(criteria);
		}

		@Override
		public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
			writeOpen();
			return modulith.findByStatus(status);
		}

		@Override
		public int countByStatus(EventPublication.Status status) {
			writeOpen();
			return modulith.countByStatus(status);
		}
	}
}
