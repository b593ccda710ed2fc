package org.gridlink.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation, the admin's side: what is sealed under which key id in every module's sealed columns
 * ({@link SealedColumns}), and the re-encryption job that re-seals every value not under its ring's current key
 * ({@link PersonalDataCipher} or {@link SigningKeyCipher}). The job walks the columns in name order, a batch at a
 * time; each batch and its counts commit together, so after a crash or restart the run resumes (at start-up, or when
 * the admin starts it again) from the values still not under the current key. Two runs at once (two instances)
 * re-seal each value once. At the end the counts per column before and after go to the audit trail. Never shows or
 * stores key material.
 */
@Service
public class KeyReencryption {

	/** The job's {@link JobQueue} name. */
	public static final String QUEUE = "key-reencryption";
	public static final String RUNNING = "RUNNING";
	public static final String SUCCEEDED = "SUCCEEDED";
	public static final String FAILED = "FAILED";
	private static final Logger LOG = LoggerFactory.getLogger(KeyReencryption.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ObjectProvider<SealedColumns> modules;
	private final PersonalDataCipher data;
	private final SigningKeyCipher signing;
	private final AuditTrail audit;
	private final Clock clock;
	private final JobQueue jobs;

	/** Values per committed batch and column. */
	volatile int batchSize;

	KeyReencryption(JdbcClient jdbc, PlatformTransactionManager transactionManager, ObjectProvider<SealedColumns> modules,
			PersonalDataCipher data, SigningKeyCipher signing, AuditTrail audit, Clock clock, JobQueues queues,
			@Value("${gridlink.keys.reencrypt-batch-size:500}") int batchSize) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.modules = modules;
		this.data = data;
		this.signing = signing;
		this.audit = audit;
		this.clock = clock;
		this.batchSize = batchSize;
		this.jobs = queues.create(QUEUE, 1, this::execute);
	}

	/** One sealed column: its values by key id, and how many are not under its ring's current key. */
	public record ColumnKeys(String name, String ring, String currentKeyId, Map<String, Long> byKeyId,
			long notUnderCurrent) {
	}

	/** A column of a run: values not under the current key at the start and at the end, and how many re-sealed. */
	public record RunColumn(String name, long before, long resealed, @Nullable Long after) {
	}

	/** A run of the job. {@code status}: RUNNING, SUCCEEDED or FAILED; {@code message} says why it failed. */
	public record Run(long id, String status, String dataKeyId, String passKeyId, long totalValues, long resealed,
			int batches, String startedBy, OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt,
			@Nullable String message, List<RunColumn> columns) {

		public boolean finished() {
			return !RUNNING.equals(status);
		}

		public int percent() {
			return totalValues == 0 ? (finished() ? 100 : 0) : (int) Math.min(100, resealed * 100 / totalValues);
		}
	}

	/** The Keys page: the current key ids, the configured ids (never the keys), each column's counts, the last run. */
	public record Overview(String dataKeyId, List<String> dataKeyIds, String passKeyId, List<String> passKeyIds,
			List<ColumnKeys> columns, @Nullable Run lastRun) {

		public long notUnderCurrent() {
			return columns.stream().mapToLong(ColumnKeys::notUnderCurrent).sum();
		}
	}

	/** Every module's sealed columns, by name. */
	public List<SealedColumns.Column> columns() {
		return modules.orderedStream().flatMap(m -> m.sealedColumns().stream())
				.sorted(Comparator.comparing(SealedColumns.Column::name)).toList();
	}

	public Overview overview() {
		List<ColumnKeys> counts = columns().stream().map(c -> {
			Map<String, Long> byKeyId = c.countByKeyId();
			String current = c.cipher().currentKeyId();
			return new ColumnKeys(c.name(), c.cipher().ring(), current, byKeyId, SealedColumns.notUnder(byKeyId, current));
		}).toList();
		return new Overview(data.currentKeyId(), data.keyIds().stream().sorted().toList(), signing.currentKeyId(),
				signing.keyIds().stream().sorted().toList(), counts, lastRun().orElse(null));
	}

	/**
	 * Starts a run as {@code user}, or resumes the run that is still RUNNING (its process may have died); audited.
	 */
	public Run start(CurrentUser user) {
		Optional<Run> running = jdbc.sql("SELECT id FROM key_reencryption WHERE status = 'RUNNING' ORDER BY id")
				.query(Long.class).optional().flatMap(this::run);
		if (running.isPresent()) {
			jobs.resume(List.of(running.get().id()));
			return running.get();
		}
		long id = transactions.execute(status -> {
			List<SealedColumns.Column> columns = columns();
			Map<String, Long> before = new LinkedHashMap<>();
			columns.forEach(c -> before.put(c.name(), c.countNotUnder(c.cipher().currentKeyId())));
			long total = before.values().stream().mapToLong(Long::longValue).sum();
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO key_reencryption (status, data_key_id, pass_key_id, total_values, started_by, started_at)
					VALUES ('RUNNING', ?, ?, ?, ?, ?)""")
					.params(data.currentKeyId(), signing.currentKeyId(), total, user.username(), OffsetDateTime.now(clock))
					.update(keys, "id");
			long runId = java.util.Objects.requireNonNull(keys.getKey(), "no generated id").longValue();
			before.forEach((name, count) -> jdbc.sql("""
					INSERT INTO key_reencryption_column (run_id, column_name, before_count) VALUES (?, ?, ?)""")
					.params(runId, name, count).update());
			audit.recordAs(user.username(), "KEYS_REENCRYPT_START", "key_reencryption", String.valueOf(runId), AuditTrail.SUCCESS,
					"data key " + data.currentKeyId() + ", pass key " + signing.currentKeyId() + ", " + total
							+ " values not under the current key");
			return runId;
		});
		jobs.submit(id);
		return run(id).orElseThrow();
	}

	public Optional<Run> run(long id) {
		List<RunColumn> columns = jdbc.sql("""
				SELECT column_name, before_count, resealed, after_count FROM key_reencryption_column WHERE run_id = ?
				ORDER BY column_name""").param(id)
				.query((rs, i) -> new RunColumn(rs.getString(1), rs.getLong(2), rs.getLong(3),
						rs.getObject(4) == null ? null : rs.getLong(4)))
				.list();
		return jdbc.sql("""
				SELECT id, status, data_key_id, pass_key_id, total_values, resealed, batches, started_by, started_at,
				finished_at, message FROM key_reencryption WHERE id = ?""").param(id)
				.query((rs, i) -> new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getLong(5), rs.getLong(6), rs.getInt(7), rs.getString(8),
						rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class), rs.getString(11),
						columns))
				.optional();
	}

	public Optional<Run> lastRun() {
		return jdbc.sql("SELECT MAX(id) FROM key_reencryption").query(Long.class).optional().flatMap(this::run);
	}

	/** Resumes the runs a previous process left RUNNING. */
	@EventListener(ApplicationReadyEvent.class)
	void resumeUnfinished() {
		jobs.resume(jdbc.sql("SELECT id FROM key_reencryption WHERE status = 'RUNNING' ORDER BY id").query(Long.class)
				.list());
	}

	/** Waits for a queued run to end (tests). */
	void await(long id, long seconds) throws InterruptedException, ExecutionException, TimeoutException {
		jobs.await(id, seconds);
	}

	private void execute(long id) {
		Run run = run(id).orElse(null);
		if (run == null || run.finished()) {
			return;
		}
		try {
			for (SealedColumns.Column column : columns()) {
				resealColumn(id, column);
			}
			finish(id);
		}
		catch (RuntimeException ex) {
			LOG.error("Key re-encryption {} failed", id, ex);
			String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
			jdbc.sql("UPDATE key_reencryption SET status = 'FAILED', finished_at = ?, message = ? WHERE id = ? AND status = 'RUNNING'")
					.params(OffsetDateTime.now(clock), cut(message, 400), id).update();
			Run failed = run(id).orElseThrow();
			audit.recordAs(failed.startedBy(), "KEYS_REENCRYPTED", "key_reencryption", String.valueOf(id),
					AuditTrail.FAILURE, cut(message, 400) + "; " + summary(failed));
		}
	}

	private void resealColumn(long id, SealedColumns.Column column) {
		String keyId = column.cipher().currentKeyId();
		Object[] after = { null };
		while (true) {
			int limit = batchSize;
			SealedColumns.Batch batch = transactions.execute(status -> {
				SealedColumns.Batch b = column.reseal(keyId, after[0], limit);
				if (b.read() > 0) {
					jdbc.sql("""
							UPDATE key_reencryption SET resealed = resealed + ?, batches = batches + 1, heartbeat_at = ?
							WHERE id = ?""").params(b.resealed(), OffsetDateTime.now(clock), id).update();
					jdbc.sql("""
							UPDATE key_reencryption_column SET resealed = resealed + ? WHERE run_id = ? AND column_name = ?""")
							.params(b.resealed(), id, column.name()).update();
				}
				return b;
			});
			if (batch.read() == 0) {
				return;
			}
			jobs.committed(id);
			// a short batch was the last; the next one starts after this one's last row
			if (batch.read() < limit) {
				return;
			}
			after[0] = batch.last();
		}
	}

	private void finish(long id) {
		transactions.executeWithoutResult(status -> {
			for (SealedColumns.Column column : columns()) {
				long after = column.countNotUnder(column.cipher().currentKeyId());
				if (jdbc.sql("UPDATE key_reencryption_column SET after_count = ? WHERE run_id = ? AND column_name = ?")
						.params(after, id, column.name()).update() == 0) {
					// a column added by a module since the run started
					jdbc.sql("""
							INSERT INTO key_reencryption_column (run_id, column_name, before_count, after_count)
							VALUES (?, ?, ?, ?)""").params(id, column.name(), after, after).update();
				}
			}
			jdbc.sql("UPDATE key_reencryption SET status = 'SUCCEEDED', finished_at = ? WHERE id = ? AND status = 'RUNNING'")
					.params(OffsetDateTime.now(clock), id).update();
			Run done = run(id).orElseThrow();
			audit.recordAs(done.startedBy(), "KEYS_REENCRYPTED", "key_reencryption", String.valueOf(id),
					AuditTrail.SUCCESS, summary(done));
		});
	}

	/** The run's counts for the audit trail: key ids, totals, and per column before → after (re-sealed). */
	static String summary(Run run) {
		List<String> parts = new ArrayList<>();
		parts.add("data key " + run.dataKeyId() + ", pass key " + run.passKeyId());
		parts.add("resealed " + run.resealed() + " of " + run.totalValues() + " in " + run.batches() + " batches");
		for (RunColumn c : run.columns()) {
			if (c.before() > 0 || (c.after() != null && c.after() > 0)) {
				parts.add(c.name() + " " + c.before() + "->" + (c.after() == null ? "?" : c.after()) + " (resealed "
						+ c.resealed() + ")");
			}
		}
		return String.join("; ", parts);
	}

	private static String cut(String text, int max) {
		return text.length() > max ? text.substring(0, max) : text;
	}
}
