package org.gridlink.cases;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.EventPublicationBatch;
import org.gridlink.platform.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes checked reports as cases: the case row with its number, the idempotency key, the history line, the audit
 * entry and {@link CaseEvents.CaseReported} (published inside the report's transaction, so the event registry stores
 * it with the case), all in one transaction.
 * <p>
 * <b>Group commit</b> ({@code gridlink.cases.group-commit.enabled}, on by default): reports that arrive together
 * share one transaction and batched inserts. A caller puts its report in a small bounded queue and waits; a writer
 * takes the first report waiting and everything that arrived behind it (while the previous batch was committing, up
 * to {@code max-batch}; optionally waiting {@code max-wait} for more, none by default, so a lone report is written at
 * once), writes them, commits, and only then answers each caller: an answered report is committed. If the batch's
 * transaction fails (a constraint of one report, a retried key already written), it is rolled back and each of its
 * reports is written again alone, by its own caller, as without group commit: one bad report fails alone. Two
 * reports with the same caller and key in one batch are one case (the later is answered with the earlier's case);
 * in two concurrent batches the key's primary key decides, as without group commit.
 * <p>
 * A caller inside a transaction of its own (another module's step, a test's scenario) is written alone, in its
 * transaction, as before; so is every report while group commit is off, the queue is full, or the application stops.
 */
@Component
class CaseIntake implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);
	static final DateTimeFormatter NUMBER_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

	/** The case row; the number is the day and the last 6 digits of the sequence, drawn in the INSERT. */
	private static final String INSERT_CASE = """
			INSERT INTO case_file (district_code, number, status, source, category_code, description,
			jurisdiction_code, address, lat, lng, reporter, reporter_contact, reported_at)
			VALUES (?, ? || LPAD(CAST(MOD(nextval('case_number_seq'), 1000000) AS VARCHAR), 6, '0'), 'REPORTED',
			?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
	private static final String INSERT_KEY =
			"INSERT INTO case_idempotency (caller, idem_key, case_id, created_at) VALUES (?, ?, ?, ?)";
	private static final String INSERT_HISTORY = """
			INSERT INTO case_event (case_id, district_code, action, from_status, to_status, actor, unit_id, note, occurred_at)
			VALUES (?, ?, 'report', NULL, 'REPORTED', ?, NULL, ?, ?)""";

	/**
	 * A checked and located report, ready to be written: nothing of the request is needed any more (the contact is
	 * sealed, the client address for the audit entry taken).
	 */
	record Report(String reporter, CaseSource source, String categoryCode, String description, String address,
			String sealedContact, String jurisdictionCode, @Nullable Double lat, @Nullable Double lng,
			@Nullable String key, @Nullable String clientAddress) {

		String district() {
			return jurisdictionCode.substring(0, 6);
		}
	}

	/** The case a report made or, for a repeated idempotency key, found ({@code created} and {@code event} null). */
	record Reported(long id, @Nullable CaseFile created, @Nullable CaseEventView event) {
	}

	/** A report waiting in the queue; its answer is null when its batch failed (the caller then writes it alone). */
	static final class Pending {

		final Report report;
		final CompletableFuture<@Nullable Reported> answer = new CompletableFuture<>();

		Pending(Report report) {
			this.report = report;
		}
	}

	private final JdbcTemplate bulk;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final CaseSteps steps;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final EventPublicationBatch publications;
	private final PersonalDataCipher cipher;
	private final Clock clock;
	private final int maxBatch;
	private final int writers;
	private final long maxWaitNanos;
	private final BlockingQueue<Pending> queue;
	/** One writer at a time takes a batch from the queue (the others write theirs meanwhile). */
	private final ReentrantLock taking = new ReentrantLock();
	private final List<Thread> threads = new ArrayList<>();
	private volatile boolean enabled;
	private volatile boolean running;
	private volatile @Nullable CountDownLatch hold;
	private final AtomicInteger holding = new AtomicInteger();
	private final AtomicLong batches = new AtomicLong();
	private final AtomicLong batched = new AtomicLong();
	private final AtomicLong failedBatches = new AtomicLong();
	private final AtomicInteger largestBatch = new AtomicInteger();

	CaseIntake(JdbcTemplate bulk, JdbcClient jdbc, TransactionTemplate transactions, CaseSteps steps, AuditTrail audit,
			ApplicationEventPublisher events, EventPublicationBatch publications, PersonalDataCipher cipher, Clock clock,
			@Value("${gridlink.cases.group-commit.enabled:true}") boolean enabled,
			@Value("${gridlink.cases.group-commit.max-batch:64}") int maxBatch,
			@Value("${gridlink.cases.group-commit.writers:2}") int writers,
			@Value("${gridlink.cases.group-commit.max-wait:0ms}") Duration maxWait,
			@Value("${gridlink.cases.group-commit.queue:1024}") int queueCapacity) {
		this.bulk = bulk;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.steps = steps;
		this.audit = audit;
		this.events = events;
		this.publications = publications;
		this.cipher = cipher;
		this.clock = clock;
		this.enabled = enabled;
		this.maxBatch = Math.max(1, maxBatch);
		this.writers = Math.max(1, writers);
		this.maxWaitNanos = Math.max(0, maxWait.toNanos());
		this.queue = new ArrayBlockingQueue<>(Math.max(1, queueCapacity));
	}

	/** Seals the contact given with a report (in the caller's thread: the writers only write). */
	String seal(String contact) {
		return contact.isEmpty() ? "" : cipher.encrypt(contact);
	}

	/**
	 * Writes the report: with group commit in the next batch, answered once that batch committed; else (or when its
	 * batch failed) alone, in its own transaction or the caller's.
	 */
	Reported write(Report report) {
		if (enabled && running && !TransactionSynchronizationManager.isActualTransactionActive()) {
			Pending pending = new Pending(report);
			if (queue.offer(pending)) {
				if (!running && queue.remove(pending)) {
					// stopped meanwhile: no writer will take it
					return writeAlone(report);
				}
				Reported answer = await(pending.answer);
				if (answer != null) {
					return answer;
				}
			}
		}
		return writeAlone(report);
	}

	/**
	 * Waits for the batch to commit, not giving up on an interrupt: the report may be committed by then, and the
	 * caller must learn which case it made (the interrupt is kept for the caller).
	 */
	private static @Nullable Reported await(CompletableFuture<@Nullable Reported> answer) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return answer.get();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					return null;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	// ---- one report alone (group commit off, a caller in a transaction, a failed batch's reports)

	/**
	 * The report in one transaction of its own (or the caller's). The key is written with the case, not looked up
	 * first: a repeated key (rare) fails on the key's primary key and rolls the whole report back, and the earlier case
	 * is answered instead.
	 */
	Reported writeAlone(Report report) {
		try {
			return transactions.execute(tx -> {
				Reported reported = insert(report);
				// the two listeners' publications in one statement
				publications.together(() -> {
					events.publishEvent(new CaseEvents.CaseReported(reported.id(), report.categoryCode(),
							report.jurisdictionCode()));
					return null;
				});
				return reported;
			});
		}
		catch (DuplicateKeyException ex) {
			if (report.key() != null) {
				return new Reported(earlier(report.reporter(), report.key()).orElseThrow(() -> ex), null, null);
			}
			throw ex;
		}
	}

	private Optional<Long> earlier(String caller, String key) {
		return jdbc.sql("SELECT case_id FROM case_idempotency WHERE caller = ? AND idem_key = ?").params(caller, key)
				.query(Long.class).optional();
	}

	private Reported insert(Report r) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(INSERT_CASE).params(r.district(), now.format(NUMBER_DATE), r.source().name(), r.categoryCode(),
				r.description(), r.jurisdictionCode(), r.address(), r.lat(), r.lng(), r.reporter(), r.sealedContact(),
				now).update(keys, "id", "number");
		Map<String, Object> row = keys.getKeys();
		long id = ((Number) value(row, "id")).longValue();
		String number = (String) value(row, "number");
		if (r.key() != null) {
			jdbc.sql(INSERT_KEY).params(r.reporter(), r.key(), id, now).update();
		}
		long eventId = steps.history(id, r.district(), "report", null, CaseStatus.REPORTED, r.reporter(), null,
				r.source().name(), now);
		audit.recordAs(r.reporter(), "CASE_REPORT", "case", String.valueOf(id), AuditTrail.SUCCESS,
				auditDetail(r));
		return reported(r, id, number, eventId, now);
	}

	private static String auditDetail(Report r) {
		return r.categoryCode() + " " + r.jurisdictionCode();
	}

	/** The answer built from what was written, without reading it back. */
	private static Reported reported(Report r, long id, String number, long eventId, OffsetDateTime now) {
		CaseFile created = new CaseFile(id, r.district(), number, CaseStatus.REPORTED, r.source(), r.categoryCode(),
				r.description(), r.jurisdictionCode(), r.address(), r.lat(), r.lng(), r.reporter(), r.sealedContact(),
				now, null, null, null, null, null, null, null, 0, null, null, null, null, null, null, false, false, null,
				0, 0, 0, null, null, 0, 0, false);
		CaseEventView event = new CaseEventView(eventId, "report", null, CaseStatus.REPORTED, r.reporter(), null, null,
				r.source().name(), now);
		return new Reported(id, created, event);
	}

	/** A generated column by name: H2 reports generated keys' names in upper case, PostgreSQL in lower case. */
	private static Object value(Map<String, Object> row, String column) {
		Object value = row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(Locale.ROOT));
		if (value == null) {
			throw new IllegalStateException("no generated " + column);
		}
		return value;
	}

	// ---- group commit

	/** One writer: takes a batch, writes it, answers its callers; until the application stops. */
	private void writeBatches() {
		List<Pending> batch = new ArrayList<>(maxBatch);
		while (running) {
			try {
				if (!take(batch)) {
					continue;
				}
				writeBatch(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (RuntimeException | Error ex) {
				log.warn("case intake: a batch of {} failed outside its transaction; written one by one", batch.size(),
						ex);
				batch.forEach(p -> p.answer.complete(null));
			}
			finally {
				batch.clear();
			}
		}
	}

	/** The next batch: the first report waiting and the ones behind it (false: none came within 100 ms). */
	private boolean take(List<Pending> batch) throws InterruptedException {
		taking.lockInterruptibly();
		try {
			CountDownLatch held = hold;
			if (held != null) {
				holding.incrementAndGet();
				try {
					held.await();
				}
				finally {
					holding.decrementAndGet();
				}
			}
			Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
			if (first == null) {
				return false;
			}
			batch.add(first);
			long until = System.nanoTime() + maxWaitNanos;
			while (batch.size() < maxBatch) {
				if (queue.drainTo(batch, maxBatch - batch.size()) > 0) {
					continue;
				}
				long left = until - System.nanoTime();
				Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
				if (next == null) {
					break;
				}
				batch.add(next);
			}
			return true;
		}
		finally {
			taking.unlock();
		}
	}

	/**
	 * Writes one batch in one transaction and answers its callers after the commit; if the transaction fails, every
	 * report of the batch is answered null (its caller writes it alone). Package-private for the tests.
	 */
	void writeBatch(List<Pending> batch) {
		// the same caller and key twice in the batch: one case, the later ones answered with the earlier's
		Map<List<String>, Pending> firstWithKey = new HashMap<>();
		Map<Pending, Pending> repeats = new HashMap<>();
		List<Pending> writes = new ArrayList<>(batch.size());
		for (Pending p : batch) {
			String key = p.report.key();
			Pending first = key == null ? null : firstWithKey.putIfAbsent(List.of(p.report.reporter(), key), p);
			if (first == null) {
				writes.add(p);
			}
			else {
				repeats.put(p, first);
			}
		}
		List<Reported> written;
		try {
			written = transactions.execute(tx -> insertAll(writes.stream().map(p -> p.report).toList()));
		}
		catch (RuntimeException ex) {
			failedBatches.incrementAndGet();
			log.debug("case intake: a batch of {} was rolled back, its reports are written one by one", batch.size(),
					ex);
			batch.forEach(p -> p.answer.complete(null));
			return;
		}
		batches.incrementAndGet();
		batched.addAndGet(writes.size());
		largestBatch.accumulateAndGet(batch.size(), Math::max);
		for (int i = 0; i < writes.size(); i++) {
			writes.get(i).answer.complete(written.get(i));
		}
		repeats.forEach((p, first) -> p.answer.complete(new Reported(written.get(writes.indexOf(first)).id(), null,
				null)));
	}

	/** The reports' rows, in batches: cases, keys, history lines, events, and the audit entries last. */
	private List<Reported> insertAll(List<Report> reports) {
		int n = reports.size();
		OffsetDateTime now = OffsetDateTime.now(clock);
		String day = now.format(NUMBER_DATE);
		long[] ids = new long[n];
		String[] numbers = new String[n];
		bulk.execute((ConnectionCallback<Void>) con -> {
			try (PreparedStatement ps = con.prepareStatement(INSERT_CASE, new String[] { "id", "number" })) {
				for (Report r : reports) {
					ps.setString(1, r.district());
					ps.setString(2, day);
					ps.setString(3, r.source().name());
					ps.setString(4, r.categoryCode());
					ps.setString(5, r.description());
					ps.setString(6, r.jurisdictionCode());
					ps.setString(7, r.address());
					setDouble(ps, 8, r.lat());
					setDouble(ps, 9, r.lng());
					ps.setString(10, r.reporter());
					ps.setString(11, r.sealedContact());
					ps.setObject(12, now);
					ps.addBatch();
				}
				ps.executeBatch();
				int i = 0;
				try (ResultSet keys = ps.getGeneratedKeys()) {
					while (keys.next() && i < n) {
						ids[i] = keys.getLong(1);
						numbers[i] = keys.getString(2);
						i++;
					}
				}
				if (i != n) {
					throw new IllegalStateException("generated keys for " + i + " of " + n + " cases");
				}
			}
			return null;
		});
		// the keys in one order in every batch: two batches with the same keys wait for each other, never deadlock
		List<Object[]> keys = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Report r = reports.get(i);
			if (r.key() != null) {
				keys.add(new Object[] { r.reporter(), r.key(), ids[i], now });
			}
		}
		if (!keys.isEmpty()) {
			keys.sort(Comparator.comparing((Object[] k) -> (String) k[0]).thenComparing(k -> (String) k[1]));
			bulk.batchUpdate(INSERT_KEY, keys);
		}
		long[] eventIds = new long[n];
		bulk.execute((ConnectionCallback<Void>) con -> {
			try (PreparedStatement ps = con.prepareStatement(INSERT_HISTORY, new String[] { "id" })) {
				for (int i = 0; i < n; i++) {
					Report r = reports.get(i);
					ps.setLong(1, ids[i]);
					ps.setString(2, r.district());
					ps.setString(3, r.reporter());
					ps.setString(4, r.source().name());
					ps.setObject(5, now);
					ps.addBatch();
				}
				ps.executeBatch();
				int i = 0;
				try (ResultSet generated = ps.getGeneratedKeys()) {
					while (generated.next() && i < n) {
						eventIds[i++] = generated.getLong(1);
					}
				}
				if (i != n) {
					throw new IllegalStateException("generated keys for " + i + " of " + n + " history lines");
				}
			}
			return null;
		});
		List<AuditTrail.Append> entries = new ArrayList<>(n);
		List<Reported> out = new ArrayList<>(n);
		// every report's CaseReported, its publications (one per listener) written in one batched statement
		publications.together(() -> {
			for (int i = 0; i < n; i++) {
				Report r = reports.get(i);
				events.publishEvent(new CaseEvents.CaseReported(ids[i], r.categoryCode(), r.jurisdictionCode()));
			}
			return null;
		});
		for (int i = 0; i < n; i++) {
			Report r = reports.get(i);
			entries.add(new AuditTrail.Append(r.reporter(), "CASE_REPORT", "case", String.valueOf(ids[i]),
					AuditTrail.SUCCESS, r.clientAddress(), auditDetail(r)));
			out.add(reported(r, ids[i], numbers[i], eventIds[i], now));
		}
		// last: the audit chain's head stays locked until the commit, so it is taken as late as possible
		audit.appendAll(entries);
		return out;
	}

	private static void setDouble(PreparedStatement ps, int index, @Nullable Double value) throws java.sql.SQLException {
		if (value == null) {
			ps.setNull(index, Types.DOUBLE);
		}
		else {
			ps.setDouble(index, value);
		}
	}

	// ---- switches and figures (the benchmark compares on and off; the tests look inside)

	boolean enabled() {
		return enabled;
	}

	/** Turns group commit on or off at run time (tests; the property sets it at start). */
	void enabled(boolean on) {
		this.enabled = on;
	}

	/**
	 * Holds the writers before they take their next batch, so that the reports submitted meanwhile wait together;
	 * returns what releases them. For tests only.
	 */
	Runnable hold() {
		CountDownLatch latch = new CountDownLatch(1);
		hold = latch;
		return () -> {
			hold = null;
			latch.countDown();
		};
	}

	/** True when a writer waits at {@link #hold()} (and so no writer is taking a batch). */
	boolean held() {
		return holding.get() > 0;
	}

	int waiting() {
		return queue.size();
	}

	/** Batches committed, reports written in them, batches rolled back, the largest batch. */
	record Figures(long batches, long reports, long failedBatches, int largestBatch) {
	}

	Figures figures() {
		return new Figures(batches.get(), batched.get(), failedBatches.get(), largestBatch.get());
	}

	// ---- lifecycle: the writers run while the application does

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		for (int i = 1; i <= writers; i++) {
			Thread thread = new Thread(this::writeBatches, "case-intake-" + i);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
	}

	@Override
	public synchronized void stop() {
		running = false;
		CountDownLatch held = hold;
		if (held != null) {
			hold = null;
			held.countDown();
		}
		for (Thread thread : threads) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		threads.clear();
		// whatever is still queued is written by its own caller
		Pending left;
		while ((left = queue.poll()) != null) {
			left.answer.complete(null);
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Started before the web server takes requests, stopped after it has finished them. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}
}
