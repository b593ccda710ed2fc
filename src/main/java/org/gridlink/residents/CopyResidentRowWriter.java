package org.gridlink.residents;

import java.time.Clock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL's fast path: new residents by {@code COPY} straight into the table; residents already registered by
 * {@code COPY} into a temporary staging table (emptied at each commit), then one {@code INSERT ... SELECT ... ON
 * CONFLICT (district_code, id_number_hash) DO UPDATE}. Must run inside a transaction, so that COPY uses the
 * transaction's connection.
 */
class CopyResidentRowWriter implements ResidentRowWriter {

	static final String STAGE = """
			CREATE TEMPORARY TABLE IF NOT EXISTS resident_stage (district_code VARCHAR(6), grid_code VARCHAR(15),
			household_id BIGINT, name VARCHAR(50), id_number_hash VARCHAR(64), id_number_enc VARCHAR(120),
			id_number_masked VARCHAR(18), phone_hash VARCHAR(64), phone_enc VARCHAR(120), phone_masked VARCHAR(20),
			birth_date DATE, gender SMALLINT) ON COMMIT DELETE ROWS""";

	private final DataSource dataSource;
	private final JdbcTemplate jdbc;
	private final Clock clock;

	CopyResidentRowWriter(DataSource dataSource, JdbcTemplate jdbc, Clock clock) {
		this.clock = clock;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	/**
	 * The whole batch is first copied straight into {@code resident} without looking anything up (the common case of
	 * a first import: as fast as a raw COPY). If one of its ID numbers is already registered, that COPY is rolled back
	 * to a savepoint, and then rows whose ID number is not in the registry yet are copied straight in; the others, or all of them if someone inserted one of those ID numbers
	 * meanwhile (the COPY is then rolled back to a savepoint), go through the staging table and
	 * {@code ON CONFLICT DO UPDATE}.
	 */
	@Override
	public boolean upsert(List<StoredResident> rows) {
		if (rows.isEmpty()) {
			return true;
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (copyAllNew(rows, now)) {
			return true;
		}
		Set<String> existing = new HashSet<>();
		rows.stream().collect(Collectors.groupingBy(StoredResident::district,
				Collectors.mapping(StoredResident::idNumberHash, Collectors.toList())))
				.forEach((district, hashes) -> existing.addAll(jdbc.queryForList(
						"SELECT id_number_hash FROM resident WHERE district_code = ? AND id_number_hash = ANY(?)",
						String.class, district, hashes.toArray(String[]::new))));
		List<StoredResident> fresh = rows.stream().filter(r -> !existing.contains(r.idNumberHash())).toList();
		List<StoredResident> known = new ArrayList<>(rows.stream().filter(r -> existing.contains(r.idNumberHash()))
				.toList());
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			if (!fresh.isEmpty()) {
				Savepoint savepoint = connection.setSavepoint();
				try {
					copy(connection, "resident (" + COLUMNS + ", status, created_at, updated_at)", fresh, "ACTIVE", now,
							now);
					connection.releaseSavepoint(savepoint);
				}
				catch (SQLException duplicate) {
					connection.rollback(savepoint);
					known.addAll(fresh);
				}
			}
			if (known.isEmpty()) {
				return false; // (some were known: their ID numbers were looked up, but only new rows were copied)
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute(STAGE);
			}
			copy(connection, "resident_stage", known);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY of residents failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		jdbc.update("""
				INSERT INTO resident AS r (district_code, grid_code, household_id, name, id_number_hash, id_number_enc,
				  id_number_masked, phone_hash, phone_enc, phone_masked, birth_date, gender, status, created_at, updated_at)
				SELECT district_code, grid_code, household_id, name, id_number_hash, id_number_enc, id_number_masked,
				  phone_hash, phone_enc, phone_masked, birth_date, gender, 'ACTIVE', ?, ? FROM resident_stage
				ON CONFLICT (district_code, id_number_hash) DO UPDATE SET grid_code = EXCLUDED.grid_code,
				  household_id = EXCLUDED.household_id, name = EXCLUDED.name, phone_hash = EXCLUDED.phone_hash,
				  phone_enc = EXCLUDED.phone_enc, phone_masked = EXCLUDED.phone_masked, status = 'ACTIVE',
				  version = r.version + 1, updated_at = EXCLUDED.updated_at""", now, now);
		jdbc.update("TRUNCATE resident_stage");
		return false;
	}

	/**
	 * Optimistic first try: all rows copied straight into {@code resident}, without looking for known ID numbers
	 * first (a first import's batches are all new). False, with nothing written, if one of them is already
	 * registered (the COPY stops at it and is rolled back to a savepoint).
	 */
	private boolean copyAllNew(List<StoredResident> rows, OffsetDateTime now) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			Savepoint savepoint = connection.setSavepoint();
			try {
				copy(connection, "resident (" + COLUMNS + ", status, created_at, updated_at)", rows, "ACTIVE", now,
						now);
				connection.releaseSavepoint(savepoint);
				return true;
			}
			catch (SQLException known) {
				connection.rollback(savepoint);
				return false;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY of residents failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	static final String COLUMNS = "district_code, grid_code, household_id, name, id_number_hash, id_number_enc, "
			+ "id_number_masked, phone_hash, phone_enc, phone_masked, birth_date, gender";

	/** {@code COPY <target> FROM STDIN} of the rows (text format), each followed by {@code suffix} values. */
	private static void copy(Connection connection, String target, List<StoredResident> rows, Object... suffix)
			throws SQLException {
		try (CopyText text = CopyText.into(connection, target)) {
			copyRows(text, rows, suffix);
			text.finish();
		}
	}

	private static void copyRows(CopyText text, List<StoredResident> rows, Object... suffix) throws SQLException {
		String end = suffix.length == 0 ? null
				: String.join("\t", Arrays.stream(suffix).map(String::valueOf).toList()); // the same for every row
		for (StoredResident r : rows) {
			text.plain(r.district()).plain(r.grid()).plain(r.householdId());
			if (r.copyText() != null) {
				text.plain(r.copyText());
			}
			else {
				columns(text, r.name(), r.idNumberHash(), r.idNumberEnc(), r.idNumberMasked(), r.phoneHash(),
						r.phoneEnc(), r.phoneMasked(), r.birthDate(), r.gender());
			}
			if (end != null) {
				text.plain(end);
			}
			text.endRow();
		}
	}

	/** The columns from {@code name} to {@code gender} as {@code COPY} text (for {@link StoredResident#copyText}). */
	static String render(String name, String idNumberHash, String idNumberEnc, String idNumberMasked,
			@Nullable String phoneHash, @Nullable String phoneEnc, @Nullable String phoneMasked, LocalDate birthDate,
			int gender) {
		CopyText text = new CopyText(360);
		columns(text, name, idNumberHash, idNumberEnc, idNumberMasked, phoneHash, phoneEnc, phoneMasked, birthDate,
				gender);
		return text.toString();
	}

	private static void columns(CopyText text, String name, String idNumberHash, String idNumberEnc,
			String idNumberMasked, @Nullable String phoneHash, @Nullable String phoneEnc, @Nullable String phoneMasked,
			LocalDate birthDate, int gender) {
		text.add(name).plain(idNumberHash).plain(idNumberEnc).add(idNumberMasked).add(phoneHash).add(phoneEnc)
				.add(phoneMasked).plain(birthDate).plain(gender);
	}
}
