package org.gridlink.residents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

/**
 * One execution of an import job: receives the file's rows, checks them, and hands full batches to
 * {@link ImportRunner#commit}. When resuming, the rows up to the job's committed count are checked again (to know
 * the ID numbers seen earlier in the file) but not written twice.
 * <p>
 * An ID number that appears again later in the same file is rejected with a reference to its first row: the first
 * occurrence wins, so the result does not depend on batch boundaries.
 */
final class ImportRun implements ImportFile.RowSink, AutoCloseable {

	/** The job as stored: who imports (scope as comma-separated codes) and how far it got. */
	record Job(long id, String username, String scope, @Nullable String defaultGrid, ImportStatus status,
			int processedRows, int acceptedRows, int rejectedRows) {
	}

	/** The file cannot be imported as a whole (no header, missing columns). */
	static final class FileProblem extends RuntimeException {

		private final String messageKey;
		private final List<RowProblem> problems;

		FileProblem(String messageKey, List<RowProblem> problems) {
			super(messageKey);
			this.messageKey = messageKey;
			this.problems = problems;
		}

		String messageKey() {
			return messageKey;
		}

		List<RowProblem> problems() {
			return problems;
		}
	}

	private final Job job;
	private final ImportRules rules;
	private final ImportRunner runner;
	private final Households.Cache households = new Households.Cache();
	private final Map<Long, Long> seen = new HashMap<>();
	private final List<ImportRow> batch = new ArrayList<>();
	private final List<RowProblem> problems = new ArrayList<>();
	private @Nullable ImportColumns columns;
	private int dataRows;
	private int processed;
	private int accepted;
	private int rejected;
	private int batchRows;

	ImportRun(Job job, ImportRules rules, ImportRunner runner) {
		this.job = job;
		this.rules = rules;
		this.runner = runner;
		this.processed = job.processedRows();
		this.accepted = job.acceptedRows();
		this.rejected = job.rejectedRows();
		this.writerThread = Executors.newSingleThreadExecutor(r -> {
			Thread thread = new Thread(r, "resident-import-" + job.id() + "-writer");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void row(long number, List<String> cells) {
		if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
			return;
		}
		if (columns == null) {
			columns = ImportColumns.of(cells);
			List<String> missing = rules.missingColumns(columns);
			if (!missing.isEmpty()) {
				throw new FileProblem("imports.file.columns", missing.stream()
						.map(c -> new RowProblem(number, c, "", "imports.column.missing", c)).toList());
			}
			return;
		}
		dataRows++;
		boolean replay = dataRows <= job.processedRows();
		List<RowProblem> found = replay ? new ArrayList<>() : problems;
		int before = found.size();
		ImportRow row = rules.check(number, cells, columns, found);
		if (row != null) {
			Long first = seen.putIfAbsent(Long.parseLong(row.idNumber().value().substring(0, 17)), number);
			if (first != null) {
				found.add(new RowProblem(number, ImportColumns.ID_NUMBER,
						ImportRules.maskId(row.idNumber().value()), "imports.idNumber.duplicate",
						first));
				row = null;
			}
		}
		if (replay) {
			return;
		}
		processed++;
		batchRows++;
		if (row != null) {
			accepted++;
			batch.add(row);
		}
		else if (found.size() > before) {
			rejected++;
		}
		if (batchRows >= runner.batchSize) {
			flush();
		}
	}

	/**
	 * The batch being committed on {@link #writerThread}: at most one batch is written while the next one is read,
	 * checked and sealed, so the database always has the next batch ready and parsing, validation and encryption (on
	 * the application's CPU) overlap the database's work instead of alternating with it.
	 */
	private CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
	private final ExecutorService writerThread;

	/**
	 * Seals the current batch's personal data, then hands the batch to the writer thread once the previous batch is
	 * committed (batches are committed one after the other, in file order; a failure of the previous one stops the
	 * run here, before anything later is written).
	 */
	private void flush() {
		if (batchRows == 0) {
			return;
		}
		List<ImportRow> rows = List.copyOf(batch);
		List<RowProblem> batchProblems = List.copyOf(problems);
		int atProcessed = processed;
		int atAccepted = accepted;
		int atRejected = rejected;
		batch.clear();
		problems.clear();
		batchRows = 0;
		// sealed here, on the reading thread: the application then needs about one core (reading, checking and
		// encrypting) and leaves the other to the database writing the previous batch
		List<ResidentBulkWriter.Sealed> sealed = rows.stream().map(runner.writer()::seal).toList();
		awaitWritten();
		writing = CompletableFuture.runAsync(() -> commit(sealed, batchProblems, atProcessed, atAccepted, atRejected),
				writerThread);
	}

	/** Runs on the writer thread. */
	private void commit(List<ResidentBulkWriter.Sealed> sealed, List<RowProblem> batchProblems, int atProcessed,
			int atAccepted, int atRejected) {
		runner.commit(job, sealed, households, batchProblems, atProcessed, atAccepted, atRejected,
				Math.max(0, atRejected - batchProblems.size())); // about the rejected rows stored before this batch
	}

	/** Waits until the batch handed to the writer thread is committed; rethrows what stopped it. */
	private void awaitWritten() {
		try {
			writing.join();
		}
		catch (CompletionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	/** Writes the last batch and marks the job succeeded; a file without a header row fails. */
	void finish() {
		if (columns == null) {
			throw new FileProblem("imports.file.noHeader", List.of(new RowProblem(1, "", "", "imports.file.noHeader")));
		}
		flush();
		awaitWritten();
		runner.succeed(job.id());
	}

	/**
	 * Ends the run: waits for a batch still being written (so that nothing is committed after the caller records a
	 * failure) and stops the writer thread. Its failure, if any, has been or will be reported by the reading side.
	 */
	@Override
	public void close() {
		try {
			writing.handle((ok, failure) -> null).join();
		}
		finally {
			writerThread.shutdown();
		}
	}
}
