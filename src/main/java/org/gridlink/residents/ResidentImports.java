package org.gridlink.residents;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.OutOfScopeException;
import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of residents from CSV or Excel (columns: {@link #TEMPLATE_COLUMNS}). {@link #submit} stores the file
 * and queues a background job; its progress, counts and rejected rows are read with {@link #get} and
 * {@link #errors}. Only registry editors may import, and only into grids of their scope (other rows are rejected).
 * Each import writes one audit entry. Re-importing updates residents by ID number and never duplicates them.
 */
@Service
public class ResidentImports {

	/** English key and Chinese header of every column, in template order. */
	public static final List<String[]> TEMPLATE_COLUMNS = ImportColumns.ALL;

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ImportRunner runner;
	private final AuditTrail audit;
	private final JurisdictionDirectory jurisdictions;
	private final ImportUploads uploads;
	private final Clock clock;

	ResidentImports(JdbcClient jdbc, TransactionTemplate transactions, ImportRunner runner, AuditTrail audit,
			JurisdictionDirectory jurisdictions, ImportUploads uploads, Clock clock) {
		this.uploads = uploads;
		this.clock = clock;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.runner = runner;
		this.audit = audit;
		this.jurisdictions = jurisdictions;
	}

	/** True when the user may import residents at all. */
	public static boolean canImport(CurrentUser user) {
		return ResidentAccess.canEdit(user);
	}

	/**
	 * Stores the file and queues its import; returns the job id. A file that is obviously not a table (an image,
	 * an old .xls workbook, empty) is refused at once with {@link InvalidInputException}.
	 */
	public long submit(CurrentUser user, String filename, byte[] content, @Nullable String defaultGrid) {
		long id = create(user, filename, content, defaultGrid);
		runner.schedule(id);
		return id;
	}

	/** Throws {@link OutOfScopeException} (403, audited) unless the user may import residents. */
	public void requireImporter(CurrentUser user) {
		if (!canImport(user)) {
			audit.record("RESIDENT_IMPORT", "residentImport", null, AuditTrail.DENIED, "role");
			throw new OutOfScopeException("residents", "import");
		}
	}

	long create(CurrentUser user, String filename, byte[] content, @Nullable String defaultGrid) {
		requireImporter(user);
		String grid = defaultGrid == null || defaultGrid.isBlank() ? null : defaultGrid.trim();
		if (grid != null) {
			if (grid.length() != 15 || !jurisdictions.exists(grid)) {
				throw new InvalidInputException("imports.grid.unknown.default", grid);
			}
			if (!user.scope().covers(grid)) {
				throw new OutOfScopeException("grid", grid);
			}
		}
		try {
			ImportFile.sniff(content);
		}
		catch (ImportFile.NotATable ex) {
			throw new InvalidInputException(ex.messageKey());
		}
		String name = filename.isBlank() ? "import" : filename.length() > 255 ? filename.substring(0, 255) : filename;
		Long id = transactions.execute(status -> {
			KeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO resident_import (username, roles, scope, default_grid, filename, size_bytes, status, created_at)
					VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?)""")
					.params(user.username(), user.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")),
							String.join(",", user.scope().codes()), grid, name, content.length, OffsetDateTime.now(clock))
					.update(keys, "id");
			long job = keys.getKeyAs(Long.class);
			uploads.store(job, content);
			return job;
		});
		audit.record("RESIDENT_IMPORT", "residentImport", String.valueOf(id), AuditTrail.SUCCESS,
				"file=" + name + "; bytes=" + content.length + (grid == null ? "" : "; grid=" + grid));
		return id;
	}

	/** A job of the user (a command center user sees every job). */
	public ImportJob get(CurrentUser user, long id) {
		ImportJob job = jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ResidentImports::job).optional()
				.orElseThrow(() -> new NotFoundException("imports.notFound", String.valueOf(id)));
		if (!job.username().equals(user.username()) && !user.has(Role.CENTER)) {
			throw new OutOfScopeException("residentImport", String.valueOf(id));
		}
		return job;
	}

	/** The user's latest jobs, newest first. */
	public List<ImportJob> recent(CurrentUser user, int limit) {
		return jdbc.sql(SELECT + " WHERE username = ? ORDER BY id DESC LIMIT ?").params(user.username(), limit)
				.query(ResidentImports::job).list();
	}

	/** The first {@code limit} rejected rows of a job, by row. */
	public List<ImportError> errors(CurrentUser user, long id, int limit) {
		get(user, id);
		return jdbc.sql(ERRORS + " LIMIT ?").params(id, limit).query(ResidentImports::error).list();
	}

	/** Hands every stored rejected row of a job, by row, to {@code sink} without holding them all in memory. */
	public void forEachError(CurrentUser user, long id, Consumer<ImportError> sink) {
		get(user, id);
		try (Stream<ImportError> errors = jdbc.sql(ERRORS).param(id).withFetchSize(1_000)
				.query(ResidentImports::error).stream()) {
			errors.forEach(sink);
		}
	}

	private static final String SELECT = """
			SELECT id, filename, username, status, total_rows, processed_rows, accepted_rows, rejected_rows, message, created_at,
			finished_at FROM resident_import""";
	private static final String ERRORS = """
			SELECT row_no, column_name, cell_value, reason_zh, reason_en FROM resident_import_error
			WHERE import_id = ? ORDER BY row_no, column_name""";

	private static ImportJob job(ResultSet rs, int i) throws SQLException {
		return new ImportJob(rs.getLong(1), rs.getString(2), rs.getString(3), ImportStatus.valueOf(rs.getString(4)),
				(Integer) rs.getObject(5, Integer.class), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9),
				rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class));
	}

	private static ImportError error(ResultSet rs, int i) throws SQLException {
		return new ImportError(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
	}
}
