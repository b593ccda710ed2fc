package org.gridlink.residents;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.gridlink.platform.PersonalDataCipher;
import org.gridlink.shared.Masked;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes valid import rows: encrypts and hashes ID numbers and phones in parallel (the same columns as
 * {@link Residents#upsert}), finds or creates their households in bulk, upserts the residents through the
 * database's {@link ResidentRowWriter} and adds their tags. Call {@link #write} inside a transaction.
 */
@Component
class ResidentBulkWriter {

	private final PersonalDataCipher cipher;
	private final Households households;
	private final JdbcTemplate jdbc;
	private final JdbcClient client;
	private final ResidentRowWriter portable;
	private final ResidentRowWriter fast;
	private final boolean postgres;

	ResidentBulkWriter(PersonalDataCipher cipher, Households households, JdbcTemplate jdbc, JdbcClient client,
			DataSource dataSource) {
		this.cipher = cipher;
		this.households = households;
		this.jdbc = jdbc;
		this.client = client;
		this.portable = new BatchResidentRowWriter(jdbc);
		this.postgres = isPostgres(dataSource);
		this.fast = postgres ? new CopyResidentRowWriter(dataSource, jdbc) : portable;
	}

	/** The writer in use: COPY on PostgreSQL, JDBC batches elsewhere. */
	ResidentRowWriter rowWriter() {
		return fast;
	}

	ResidentRowWriter portableRowWriter() {
		return portable;
	}

	/** Stored columns of the rows (ID numbers and phones hashed, encrypted, masked), computed in parallel. */
	List<Sealed> seal(List<ImportRow> rows) {
		return rows.parallelStream().map(this::seal).toList();
	}

	/** A row with its personal data sealed, waiting for its household id. */
	record Sealed(ImportRow row, String idNumberHash, String idNumberEnc, String phoneHash, String phoneEnc) {
	}

	private Sealed seal(ImportRow row) {
		String phone = row.phone();
		return new Sealed(row, cipher.lookupHash(row.idNumber().value()), cipher.encrypt(row.idNumber().value()),
				phone == null ? null : cipher.lookupHash(phone), phone == null ? null : cipher.encrypt(phone));
	}

	/** Writes sealed rows (each ID number at most once) with {@code writer}; {@code setBy} is recorded on tags. */
	void write(List<Sealed> rows, Households.Cache cache, ResidentRowWriter writer, String setBy) {
		if (rows.isEmpty()) {
			return;
		}
		households.resolve(rows.stream().map(s -> s.row().household()).toList(), cache);
		boolean analyze = postgres && cache.analyzedAt < 100_000 && cache.written + rows.size() >= 2 * cache.analyzedAt;
		if (analyze) {
			// Refresh the planner statistics while the import grows the tables (after the first batch, then each time
			// the rows written double, up to 100,000 rows): the foreign-key checks of resident -> household and
			// resident_tag -> resident are planned once per connection, and a plan made while the table looked empty
			// can pick an index that scans a whole district per checked row (quadratic: 100 % server CPU on a
			// 5,000-row COPY). Runs in the batch's transaction, so it sees the households just created.
			jdbc.execute("ANALYZE household");
		}
		List<StoredResident> stored = new ArrayList<>(rows.size());
		for (Sealed s : rows) {
			ImportRow r = s.row();
			stored.add(new StoredResident(r.district(), r.gridCode(), cache.ids.get(r.household()), r.name(),
					s.idNumberHash(), s.idNumberEnc(), Masked.idNumber(r.idNumber().value()), s.phoneHash(),
					s.phoneEnc(), r.phone() == null ? null : Masked.phone(r.phone()), r.idNumber().birthDate(),
					r.idNumber().genderCode()));
		}
		writer.upsert(stored);
		if (analyze) {
			jdbc.execute("ANALYZE resident");
			cache.analyzedAt = cache.written + rows.size();
		}
		cache.written += rows.size();
		addTags(rows, setBy);
	}

	private void addTags(List<Sealed> rows, String setBy) {
		List<Sealed> tagged = rows.stream().filter(s -> !s.row().tags().isEmpty()).toList();
		if (tagged.isEmpty()) {
			return;
		}
		Map<String, Integer> reviewDays = new HashMap<>();
		jdbc.query("SELECT code, review_days FROM resident_tag_type",
				rs -> {
					reviewDays.put(rs.getString(1), rs.getInt(2));
				});
		Map<String, List<Sealed>> byDistrict = new HashMap<>();
		tagged.forEach(s -> byDistrict.computeIfAbsent(s.row().district(), d -> new ArrayList<>()).add(s));
		OffsetDateTime now = OffsetDateTime.now();
		List<Object[]> inserts = new ArrayList<>();
		byDistrict.forEach((district, list) -> {
			for (Sealed s : list) {
				// one indexed lookup per tagged resident (a few per cent of rows): an IN list would scan the table on H2
				Long id = client.sql("SELECT id FROM resident WHERE district_code = ? AND id_number_hash = ?")
						.params(district, s.idNumberHash()).query(Long.class).single();
				for (String tag : s.row().tags()) {
					inserts.add(new Object[] { id, district, tag, setBy, now,
							LocalDate.now().plusDays(reviewDays.getOrDefault(tag, 365)) });
				}
			}
		});
		jdbc.batchUpdate("""
				INSERT INTO resident_tag (resident_id, district_code, tag, set_by, set_at, review_on)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", inserts);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			return false;
		}
	}
}
