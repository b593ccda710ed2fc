package org.gridlink.residents;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.ResidentialGrid;
import org.gridlink.platform.JobQueue;
import org.gridlink.platform.JobQueues;
import org.gridlink.platform.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs residents imports in the background on a small pool. Each batch of rows (residents, households, tags, the
 * batch's rejected rows and the job's counters) is committed in one transaction, so a crash leaves either the whole
 * batch or none of it; the uploaded file stays in the database and an unfinished job resumes after its last
 * committed batch.
 * <p>
 * Several instances of the application may share the database, so a job is run only by the instance that has
 * claimed it: a conditional UPDATE sets {@code claimed_by} to this process's {@link #instanceId} and
 * {@code heartbeat_at} to now, and succeeds only when the job is unclaimed, already ours, or its claim is stale (no
 * heartbeat for {@code gridlink.imports.claim-timeout}, 2 minutes by default). The owner renews the heartbeat with
 * every committed batch and from a periodic tick (a batch, or re-reading the file when resuming, may take a while);
 * every batch's counter update is conditional on still owning the claim, and a run that lost it stops at once
 * without writing its batch (another instance took over). Unfinished jobs are resumed at start-up and by a periodic
 * sweep, which picks up stale claims and jobs nobody claimed in time.
 */
@Component
class ImportRunner {

	static final int MAX_STORED_ERRORS = 100_000;
	/** The name of the import's {@link JobQueue} (its threads, what {@link org.gridlink.platform.JobListener}s hear). */
	static final String QUEUE = "resident-import";
	private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate transactions;
	private final ResidentBulkWriter writer;
	private final Jurisdictions jurisdictions;
	private final MessageSource messages;
	private final JobQueue jobs;
	private final ImportUploads uploads;
	private final Clock clock;

	/** This process: hostname, process id and a random UUID, generated once per process. */
	static final String PROCESS_ID = processId();

	/** Who this runner claims jobs as ({@link #PROCESS_ID}; tests may build a second runner with another id). */
	final String instanceId;

	/** A claim without a heartbeat for this long is stale and may be taken over. */
	final Duration claimTimeout;

	/** Rows per committed batch. */
	volatile int batchSize;

	@Autowired
	ImportRunner(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, ResidentBulkWriter writer,
			Jurisdictions jurisdictions, MessageSource messages, JobQueues queues, ImportUploads uploads, Clock clock,
			@Value("${gridlink.residents.import.batch-size:20000}") int batchSize,
			@Value("${gridlink.residents.import.threads:2}") int threads,
			@Value("${gridlink.imports.claim-timeout:PT2M}") Duration claimTimeout) {
		this(jdbc, template, transactions, writer, jurisdictions, messages, queues, uploads, clock, batchSize, threads,
				claimTimeout, PROCESS_ID);
	}

	/** A runner claiming jobs as {@code instanceId}: another "instance" in tests. */
	ImportRunner(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, ResidentBulkWriter writer,
			Jurisdictions jurisdictions, MessageSource messages, JobQueues queues, ImportUploads uploads, Clock clock,
			int batchSize, int threads, Duration claimTimeout, String instanceId) {
		this.uploads = uploads;
		this.instanceId = instanceId;
		this.claimTimeout = claimTimeout;
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.writer = writer;
		this.jurisdictions = jurisdictions;
		this.messages = messages;
		this.batchSize = batchSize;
		this.clock = clock;
		this.jobs = queues.create(QUEUE, threads, this::execute);
	}

	private static String processId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (IOException | RuntimeException ex) {
			host = "unknown";
		}
		host = host.length() > 40 ? host.substring(0, 40) : host;
		return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID();
	}

	/** The run lost its claim: another instance took the job over (its heartbeat had gone stale). */
	static final class ClaimLost extends RuntimeException {
		ClaimLost(long id) {
			super("claim on residents import " + id + " lost");
		}
	}

	void schedule(long id) {
		jobs.submit(id);
	}

	/**
	 * Resumes the imports a previous run of the application left unfinished, unless another instance holds a live
	 * claim on them (those are left to it, or to the sweep once their claim is stale).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void resumeUnfinished() {
		uploads.purgeFinished();
		jobs.resume(jdbc.sql("""
				SELECT id FROM resident_import WHERE status IN ('QUEUED', 'RUNNING')
				AND (claimed_by IS NULL OR claimed_by = ? OR heartbeat_at < ?) ORDER BY id""")
				.params(instanceId, stale()).query(Long.class).list());
	}

	/**
	 * Every minute (by default): resumes the jobs whose claim is stale (their instance died or hangs) and the jobs
	 * nobody claimed within the claim timeout (their instance died before running them). A job just submitted is
	 * left to the instance that queued it.
	 */
	@Scheduled(initialDelayString = "${gridlink.imports.sweep-interval:PT1M}",
			fixedDelayString = "${gridlink.imports.sweep-interval:PT1M}")
	void sweep() {
		OffsetDateTime stale = stale();
		jobs.resume(jdbc.sql("""
				SELECT id FROM resident_import WHERE status IN ('QUEUED', 'RUNNING')
				AND ((claimed_by IS NULL AND created_at < ?) OR heartbeat_at < ?) ORDER BY id""")
				.params(stale, stale).query(Long.class).list());
	}

	/** Renews the heartbeat of the jobs this instance is running (a batch or a resume's replay may be slow). */
	@Scheduled(initialDelayString = "${gridlink.imports.heartbeat-interval:PT20S}",
			fixedDelayString = "${gridlink.imports.heartbeat-interval:PT20S}")
	void heartbeat() {
		for (Long id : jobs.runningIds()) {
			jdbc.sql("UPDATE resident_import SET heartbeat_at = ? WHERE id = ? AND claimed_by = ?")
					.params(OffsetDateTime.now(clock), id, instanceId).update();
		}
	}

	private OffsetDateTime stale() {
		return OffsetDateTime.now(clock).minus(claimTimeout);
	}

	/**
	 * Claims an unfinished job for {@code owner}: succeeds when nobody has claimed it, {@code owner} has, or the
	 * claim is stale. Renews the heartbeat.
	 *
	 * @return true when {@code owner} now holds the claim
	 */
	boolean claim(long id, String owner) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		return jdbc.sql("""
				UPDATE resident_import SET claimed_by = ?, heartbeat_at = ?
				WHERE id = ? AND status IN ('QUEUED', 'RUNNING')
				AND (claimed_by IS NULL OR claimed_by = ? OR heartbeat_at < ?)""")
				.params(owner, now, id, owner, now.minus(claimTimeout)).update() == 1;
	}

	/** Waits for a scheduled run to end (tests, benchmark). */
	void await(long id, long seconds) throws InterruptedException, ExecutionException, TimeoutException {
		jobs.await(id, seconds);
	}

	/** Stops this runner's threads (a second runner made by a test; the application's stops with it). */
	void stop() {
		jobs.shutdown();
	}

	/** Runs (or resumes) one job to its end in the calling thread, unless it runs already. */
	void run(long id) {
		jobs.run(id);
	}

	private void execute(long id) {
		if (!claim(id, instanceId)) {
			LOG.debug("Residents import {} is finished or claimed by another instance", id);
			return;
		}
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
		if (jdbc.sql("""
				UPDATE resident_import SET status = 'RUNNING', started_at = COALESCE(started_at, ?)
				WHERE id = ? AND claimed_by = ?""").params(OffsetDateTime.now(clock), id, instanceId).update() == 0) {
			return;
		}
		byte[] content = uploads.read(id);
		Integer total = ImportFile.estimateRows(content);
		if (total != null) {
			jdbc.sql("UPDATE resident_import SET total_rows = ? WHERE id = ?").params(total, id).update();
		}
		importFile(job, content);
	}

	private void importFile(ImportRun.Job job, byte[] content) {
		// the run is closed (its last batch written or stopped) before a failure is recorded
		try (ImportRun run = new ImportRun(job, rules(job), this)) {
			ImportFile.read(content, run);
			run.finish();
		}
		catch (ClaimLost lost) {
			LOG.warn("Residents import {} was taken over by another instance; this run stops", job.id());
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

	/**
	 * Commits one batch: the job's counters and heartbeat, the rows and the rejected rows together. The counter
	 * update comes first and only while this instance holds the claim (it also locks the job's row until the
	 * commit, so nobody can take the claim over meanwhile); without the claim nothing is written and
	 * {@link ClaimLost} ends the run.
	 */
	void commit(ImportRun.Job job, List<ResidentBulkWriter.Sealed> rows, Households.Cache cache,
			List<RowProblem> problems, int processed, int accepted, int rejected, int storedErrors) {
		transactions.executeWithoutResult(status -> {
			if (jdbc.sql("""
					UPDATE resident_import SET processed_rows = ?, accepted_rows = ?, rejected_rows = ?, heartbeat_at = ?
					WHERE id = ? AND claimed_by = ?""")
					.params(processed, accepted, rejected, OffsetDateTime.now(clock), job.id(), instanceId).update() == 0) {
				throw new ClaimLost(job.id());
			}
			writer.write(rows, cache, writer.rowWriter(), job.username());
			storeErrors(job.id(), problems, storedErrors);
		});
		jobs.committed(job.id());
	}

	ResidentBulkWriter writer() {
		return writer;
	}

	void succeed(long id) {
		if (jdbc.sql("UPDATE resident_import SET status = 'SUCCEEDED', finished_at = ? WHERE id = ? AND claimed_by = ?")
				.params(OffsetDateTime.now(clock), id, instanceId).update() == 0) {
			throw new ClaimLost(id);
		}
		uploads.discard(id);
	}

	private void fail(long id, String messageKey, List<RowProblem> problems) {
		try {
			transactions.executeWithoutResult(status -> {
				if (jdbc.sql("""
						UPDATE resident_import SET status = 'FAILED', message = ?, finished_at = ?
						WHERE id = ? AND claimed_by = ?""")
						.params(messageKey, OffsetDateTime.now(clock), id, instanceId).update() == 0) {
					throw new ClaimLost(id);
				}
				uploads.discard(id);
				storeErrors(id, problems, 0);
			});
		}
		catch (ClaimLost lost) {
			LOG.warn("Residents import {} was taken over by another instance; its failure is not recorded here", id);
		}
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
