package org.gridlink.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

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
 * <p>
 * <b>Completion marks, deferred</b> ({@code gridlink.events.deferred-completion.enabled}, on by default, and only
 * with {@code spring.modulith.events.completion-mode=delete}): around every listener run Modulith marks the
 * publication "processing" (an UPDATE in a transaction of its own) and, when the listener's transaction committed,
 * completed (a DELETE in another): two write transactions per listener and event, four per reported case. Here both
 * marks are queued and written together by one thread every {@code linger} (10 ms by default) in one transaction:
 * a publication completed by then is deleted and its "processing" mark never written. A mark not yet written when
 * the instance dies leaves its publication incomplete, and {@code EventPublicationRetry} runs its listener again:
 * the listeners are idempotent for exactly that reason (a crash between a listener's commit and Modulith's completion
 * did the same before). Anything that reads or changes publications otherwise (a failure mark, the resubmission's
 * look-ups) first writes the queued marks, in order, so a listener that failed is never marked processing after
 * its failure and a completed publication is not resubmitted.
 * <p>
 * Not {@code Ordered}: it runs after the transaction proxy has been put around Modulith's repository, and wraps that.
 */
@Component
class BatchedEventPublications implements BeanPostProcessor, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BatchedEventPublications.class);

	/** Modulith's "processing" mark ({@code JdbcEventPublicationRepositoryV2.markProcessing}). */
	static final String MARK_PROCESSING = "UPDATE event_publication SET status = 'PROCESSING' WHERE id = ?"
			+ " AND completion_date IS NULL AND (status IS NULL OR status != 'PROCESSING')";
	/** Modulith's completion with completion-mode delete ({@code markCompleted(UUID, Instant)}). */
	static final String DELETE_COMPLETED = "DELETE FROM event_publication WHERE id = ?";

	/** The columns of {@code JdbcEventPublicationRepositoryV2.create}, in its order. */
	static final String INSERT = """
			INSERT INTO event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
			completion_attempts, last_resubmission_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final ThreadLocal<@Nullable Batch> OPEN = new ThreadLocal<>();

	private final ObjectProvider<JdbcTemplate> jdbc;
	private final ObjectProvider<EventSerializer> serializer;
	private final ObjectProvider<PlatformTransactionManager> transactions;
	private final boolean deferMarks;
	private final long lingerNanos;
	private final LinkedBlockingQueue<Mark> marks = new LinkedBlockingQueue<>();
	/** Held while queued marks are written: by the writer thread, or by a caller that needs them written first. */
	private final ReentrantLock writingMarks = new ReentrantLock();
	private final AtomicLong markWrites = new AtomicLong();
	private final AtomicLong marksWritten = new AtomicLong();
	private volatile boolean running;
	private @Nullable Thread writer;

	BatchedEventPublications(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<EventSerializer> serializer,
			ObjectProvider<PlatformTransactionManager> transactions,
			@Value("${gridlink.events.deferred-completion.enabled:true}") boolean deferredCompletion,
			@Value("${spring.modulith.events.completion-mode:update}") String completionMode,
			@Value("${gridlink.events.deferred-completion.linger:10ms}") java.time.Duration linger) {
		this.jdbc = jdbc;
		this.serializer = serializer;
		this.transactions = transactions;
		this.deferMarks = deferredCompletion && "delete".equals(completionMode.strip().toLowerCase(Locale.ROOT));
		this.lingerNanos = Math.max(1_000_000L, linger.toNanos());
	}

	/** A queued mark: the publication is being processed, or completed. */
	private record Mark(UUID id, boolean completed) {
	}

	/** True when completion marks are queued (tests). */
	boolean defersMarks() {
		return deferMarks;
	}

	/** Write transactions of queued marks, and marks written by them (tests, benchmarks). */
	long[] markFigures() {
		return new long[] { markWrites.get(), marksWritten.get() };
	}

	/** Queues a mark while the writer runs; else writes it at once. */
	private boolean queue(Mark mark) {
		if (!deferMarks || !running) {
			return false;
		}
		marks.add(mark);
		return true;
	}

	/** Writes every queued mark, in one transaction: the completed ones deleted, the others marked processing. */
	void writeMarks() {
		if (!deferMarks) {
			return;
		}
		writingMarks.lock();
		try {
			List<Mark> taken = new ArrayList<>();
			marks.drainTo(taken);
			if (taken.isEmpty()) {
				return;
			}
			Set<UUID> completed = new HashSet<>();
			for (Mark m : taken) {
				if (m.completed()) {
					completed.add(m.id());
				}
			}
			List<Object[]> processing = new ArrayList<>();
			Set<UUID> seen = new HashSet<>();
			for (Mark m : taken) {
				if (!m.completed() && !completed.contains(m.id()) && seen.add(m.id())) {
					processing.add(new Object[] { m.id() });
				}
			}
			List<Object[]> deletes = completed.stream().map(id -> new Object[] { id }).toList();
			try {
				TransactionTemplate own = new TransactionTemplate(transactions.getObject());
				// its own transaction, whatever the calling thread is in
				own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
				own.executeWithoutResult(tx -> {
					JdbcTemplate template = jdbc.getObject();
					if (!processing.isEmpty()) {
						template.batchUpdate(MARK_PROCESSING, processing);
					}
					if (!deletes.isEmpty()) {
						template.batchUpdate(DELETE_COMPLETED, deletes);
					}
				});
				markWrites.incrementAndGet();
				marksWritten.addAndGet(taken.size());
			}
			catch (RuntimeException ex) {
				// left incomplete: resubmitted later, and the listeners are idempotent
				log.warn("event publications: {} completion marks not written; their listeners may run again",
						taken.size(), ex);
			}
		}
		finally {
			writingMarks.unlock();
		}
	}

	/** The writer: every linger, the marks queued meanwhile. */
	private void writeMarksEvery() {
		while (running) {
			try {
				TimeUnit.NANOSECONDS.sleep(lingerNanos);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (!marks.isEmpty()) {
				writeMarks();
			}
		}
	}

	@Override
	public synchronized void start() {
		if (running || !deferMarks) {
			running = deferMarks;
			return;
		}
		running = true;
		Thread thread = new Thread(this::writeMarksEvery, "event-publication-marks");
		thread.setDaemon(true);
		writer = thread;
		thread.start();
	}

	@Override
	public synchronized void stop() {
		running = false;
		Thread thread = writer;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			writer = null;
		}
		writeMarks();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops last (after the web server, the case intake and everything else that runs listeners' work). */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1024;
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
		// an event with several listeners is serialized once
		Map<Object, String> serialized = new IdentityHashMap<>();
		for (TargetEventPublication p : publications) {
			Timestamp published = Timestamp.from(p.getPublicationDate());
			String json = serialized.computeIfAbsent(p.getEvent(), e -> events.serialize(e).toString());
			rows.add(new Object[] { p.getIdentifier(), p.getEvent().getClass().getName(),
					p.getTargetIdentifier().getValue(), published, json, p.getStatus().name(), 1, published });
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

		/**
		 * Writes what the open batch holds and the queued marks before any other use of the table on this thread.
		 */
		private void writeOpen() {
			Batch batch = OPEN.get();
			if (batch != null) {
				batch.write();
			}
			owner.writeMarks();
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
			if (!owner.queue(new Mark(identifier, false))) {
				writeOpen();
				modulith.markProcessing(identifier);
			}
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
			if (!owner.queue(new Mark(identifier, true))) {
				writeOpen();
				modulith.markCompleted(identifier, completionDate);
			}
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
