package org.gridlink.residents;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
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

	CopyResidentRowWriter(DataSource dataSource, JdbcTemplate jdbc) {
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
	public void upsert(List<StoredResident> rows) {
		if (rows.isEmpty()) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now();
		if (copyAllNew(rows, now)) {
			return;
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
					copy(connection, "COPY resident (" + COLUMNS + ", status, created_at, updated_at) FROM STDIN (FORMAT csv)",
							fresh, ",ACTIVE," + now + "," + now);
					connection.releaseSavepoint(savepoint);
				}
				catch (SQLException duplicate) {
					connection.rollback(savepoint);
					known.addAll(fresh);
				}
			}
			if (known.isEmpty()) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute(STAGE);
			}
			copy(connection, "COPY resident_stage FROM STDIN (FORMAT csv)", known, "");
		}
		catch (SQLException | IOException ex) {
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
				copy(connection, "COPY resident (" + COLUMNS + ", status, created_at, updated_at) FROM STDIN (FORMAT csv)",
						rows, ",ACTIVE," + now + "," + now);
				connection.releaseSavepoint(savepoint);
				return true;
			}
			catch (SQLException known) {
				connection.rollback(savepoint);
				return false;
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("COPY of residents failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	static final String COLUMNS = "district_code, grid_code, household_id, name, id_number_hash, id_number_enc, "
			+ "id_number_masked, phone_hash, phone_enc, phone_masked, birth_date, gender";

	private static void copy(Connection connection, String sql, List<StoredResident> rows, String suffix)
			throws SQLException, IOException {
		StringBuilder csv = new StringBuilder(rows.size() * 460);
		for (StoredResident r : rows) {
			csv.append(r.district()).append(',').append(r.grid()).append(',').append(r.householdId()).append(',');
			quote(csv, r.name()).append(',').append(r.idNumberHash()).append(',').append(r.idNumberEnc())
					.append(',').append(r.idNumberMasked()).append(',');
			nullable(csv, r.phoneHash()).append(',');
			nullable(csv, r.phoneEnc()).append(',');
			nullable(csv, r.phoneMasked()).append(',').append(r.birthDate()).append(',').append(r.gender())
					.append(suffix).append('\n');
		}
		connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
	}

	private static StringBuilder quote(StringBuilder csv, String value) {
		return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
	}

	private static StringBuilder nullable(StringBuilder csv, @Nullable String value) {
		return value == null ? csv : quote(csv, value);
	}
}
