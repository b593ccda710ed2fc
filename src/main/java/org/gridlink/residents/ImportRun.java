package org.gridlink.residents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;

/**
 * One execution of an import job: receives the file's rows, checks them, and hands full batches to
 * {@link ImportRunner#commit}. When resuming, the rows up to the job's committed count are checked again (to know
 * the ID numbers seen earlier in the file) but not written twice.
 * <p>
 * An ID number that appears again later in the same file is rejected with a reference to its first row: the first
 * occurrence wins, so the result does not depend on batch boundaries.
 */
final class ImportRun implements ImportFile.RowSink {

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
	private int batches;

	ImportRun(Job job, ImportRules rules, ImportRunner runner) {
		this.job = job;
		this.rules = rules;
		this.runner = runner;
		this.processed = job.processedRows();
		this.accepted = job.acceptedRows();
		this.rejected = job.rejectedRows();
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

	/** A full batch whose personal data is being sealed in the background, with the counters at its end. */
	private record Pending(CompletableFuture<List<ResidentBulkWriter.Sealed>> sealed, List<RowProblem> problems,
			int processed, int accepted, int rejected) {
	}

	private @Nullable Pending pending;

	/**
	 * Starts sealing the current batch in the background and commits the previous one meanwhile, so encryption and
	 * database work overlap; batches are still committed one after the other, in file order.
	 */
	private void flush() {
		if (batchRows == 0) {
			return;
		}
		List<ImportRow> rows = List.copyOf(batch);
		Pending next = new Pending(CompletableFuture.supplyAsync(() -> runner.writer().seal(rows)),
				List.copyOf(problems), processed, accepted, rejected);
		batch.clear();
		problems.clear();
		batchRows = 0;
		commitPending();
		pending = next;
	}

	private void commitPending() {
		Pending p = pending;
		if (p == null) {
			return;
		}
		pending = null;
		List<ResidentBulkWriter.Sealed> sealed;
		try {
			sealed = p.sealed().join();
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
		}
		runner.commit(job, sealed, households, p.problems(), p.processed(), p.accepted(), p.rejected(),
				Math.max(0, p.rejected() - p.problems().size())); // about the rejected rows stored before this batch
		batches++;
		if (runner.crashAfterBatches > 0 && batches >= runner.crashAfterBatches) {
			throw new ImportRunner.SimulatedCrash();
		}
	}

	/** Writes the last batch and marks the job succeeded; a file without a header row fails. */
	void finish() {
		if (columns == null) {
			throw new FileProblem("imports.file.noHeader", List.of(new RowProblem(1, "", "", "imports.file.noHeader")));
		}
		flush();
		commitPending();
		runner.succeed(job.id());
	}
}
