package org.gridlink.residents;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.platform.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs residents imports in the background on a small pool. Each batch of rows (residents, households, tags, the
 * batch's rejected rows and the job's counters) is committed in one transaction, so a crash leaves either the whole
 * batch or none of it; the uploaded file stays in the database and an unfinished job resumes after its last
 * committed batch when the application starts.
 */
@Component
class ImportRunner {

	static final int MAX_STORED_ERRORS = 100_000;
	private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate transactions;
	private final ResidentBulkWriter writer;
	private final Jurisdictions jurisdictions;
	private final MessageSource messages;
	private final ExecutorService executor;
	private final Map<Long, Future<?>> futures = new ConcurrentHashMap<>();
	private final Set<Long> running = ConcurrentHashMap.newKeySet();

	/** Rows per committed batch. */
	volatile int batchSize;

	/** Test hook: after this many committed batches the run stops as if the process had died (0 = never). */
	volatile int crashAfterBatches;

	ImportRunner(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, ResidentBulkWriter writer,
			Jurisdictions jurisdictions, MessageSource messages,
			@Value("${gridlink.residents.import.batch-size:20000}") int batchSize,
			@Value("${gridlink.residents.import.threads:2}") int threads) {
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.writer = writer;
		this.jurisdictions = jurisdictions;
		this.messages = messages;
		this.batchSize = batchSize;
		AtomicInteger n = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(threads, r -> {
			Thread thread = new Thread(r, "resident-import-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Thrown by the test hook: leaves the job RUNNING, as a killed process would. */
	static final class SimulatedCrash extends RuntimeException {
		SimulatedCrash() {
			super("simulated crash");
		}
	}

	void schedule(long id) {
		futures.put(id, executor.submit(() -> run(id)));
	}

	/** Resumes the imports a previous run of the application left unfinished. */
	@EventListener(ApplicationReadyEvent.class)
	void resumeUnfinished() {
		for (Long id : jdbc.sql("SELECT id FROM resident_import WHERE status IN ('QUEUED', 'RUNNING') ORDER BY id")
				.query(Long.class).list()) {
			if (!running.contains(id)) {
				LOG.info("Resuming residents import {}", id);
				schedule(id);
			}
		}
	}

	/** Waits for a scheduled run to end (tests, benchmark). */
	void await(long id, long seconds) throws InterruptedException, ExecutionException, TimeoutException {
		Future<?> future = futures.get(id);
		if (future != null) {
			future.get(seconds, TimeUnit.SECONDS);
		}
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

	/** Runs (or resumes) one job to its end in the calling thread. */
	void run(long id) {
		if (!running.add(id)) {
			return;
		}
		try {
			ImportRun.Job job = jdbc.sql("""
					SELECT id, username, roles, scope, default_grid, status, processed_rows, accepted_rows, rejected_rows
					FROM resident_import WHERE id = ?""").param(id)
					.query((rs, i) -> new ImportRun.Job(rs.getLong(1), rs.getString(2), rs.getString(4),
							rs.getString(5), ImportStatus.valueOf(rs.getString(6)), rs.getInt(7), rs.getInt(8),
							rs.getInt(9)))
					.optional().orElse(null);
			if (job == null || job.status().finished()) {
				return;
			}
			jdbc.sql("UPDATE resident_import SET status = 'RUNNING', started_at = COALESCE(started_at, ?) WHERE id = ?")
					.params(OffsetDateTime.now(), id).update();
			byte[] content = jdbc.sql("SELECT content FROM resident_import_file WHERE import_id = ?").param(id)
					.query(byte[].class).single();
			Integer total = ImportFile.estimateRows(content);
			if (total != null) {
				jdbc.sql("UPDATE resident_import SET total_rows = ? WHERE id = ?").params(total, id).update();
			}
			execute(job, content);
		}
		finally {
			running.remove(id);
		}
	}

	private void execute(ImportRun.Job job, byte[] content) {
		// the run is closed (its last batch written or stopped) before a failure is recorded
		try (ImportRun run = new ImportRun(job, rules(job), this)) {
			ImportFile.read(content, run);
			run.finish();
		}
		catch (SimulatedCrash crash) {
			throw crash;
		}
		catch (ImportFile.NotATable ex) {
			fail(job.id(), ex.messageKey(), List.of(new RowProblem(0, "", "", ex.messageKey())));
		}
		catch (ImportRun.FileProblem ex) {
			fail(job.id(), ex.messageKey(), ex.problems());
		}
		catch (RuntimeException ex) {
			LOG.error("Residents import {} failed", job.id(), ex);
			fail(job.id(), "imports.failed", List.of(new RowProblem(0, "", "", "imports.failed")));
		}
	}

	private ImportRules rules(ImportRun.Job job) {
		Set<String> grids = jurisdictions.residentialGrids().stream().map(ResidentialGrid::code)
				.collect(Collectors.toSet());
		Map<String, String> tags = new HashMap<>();
		jdbc.sql("SELECT code, name_zh FROM resident_tag_type").query((rs, i) -> new String[] { rs.getString(1),
				rs.getString(2) }).list().forEach(t -> {
					tags.put(t[0], t[0]);
					tags.put(t[1], t[0]);
				});
		List<String> scope = job.scope().isBlank() ? List.of() : List.of(job.scope().split(","));
		return new ImportRules(grids, Scope.of(scope), tags, job.defaultGrid());
	}

	/** Commits one batch: the rows, the rejected rows and the job's counters together. */
	void commit(ImportRun.Job job, List<ResidentBulkWriter.Sealed> rows, Households.Cache cache,
			List<RowProblem> problems, int processed, int accepted, int rejected, int storedErrors) {
		transactions.executeWithoutResult(status -> {
			writer.write(rows, cache, writer.rowWriter(), job.username());
			storeErrors(job.id(), problems, storedErrors);
			jdbc.sql("UPDATE resident_import SET processed_rows = ?, accepted_rows = ?, rejected_rows = ? WHERE id = ?")
					.params(processed, accepted, rejected, job.id()).update();
		});
	}

	ResidentBulkWriter writer() {
		return writer;
	}

	void succeed(long id) {
		jdbc.sql("UPDATE resident_import SET status = 'SUCCEEDED', finished_at = ? WHERE id = ?")
				.params(OffsetDateTime.now(), id).update();
	}

	private void fail(long id, String messageKey, List<RowProblem> problems) {
		transactions.executeWithoutResult(status -> {
			storeErrors(id, problems, 0);
			jdbc.sql("UPDATE resident_import SET status = 'FAILED', message = ?, finished_at = ? WHERE id = ?")
					.params(messageKey, OffsetDateTime.now(), id).update();
		});
	}

	private void storeErrors(long id, List<RowProblem> problems, int alreadyStored) {
		List<RowProblem> kept = problems.subList(0, Math.max(0, Math.min(problems.size(),
				MAX_STORED_ERRORS - alreadyStored)));
		if (kept.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(kept.size());
		for (RowProblem p : kept) {
			rows.add(new Object[] { id, p.rowNumber(), p.column(), cut(p.value(), 200),
					cut(messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), Locale.SIMPLIFIED_CHINESE), 300),
					cut(messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), Locale.ENGLISH), 300) });
		}
		template.batchUpdate("""
				INSERT INTO resident_import_error (import_id, row_no, column_name, cell_value, reason_zh, reason_en)
				VALUES (?, ?, ?, ?, ?, ?)""", rows);
	}

	private static String cut(String value, int max) {
		return value.length() > max ? value.substring(0, max) : value;
	}
}
