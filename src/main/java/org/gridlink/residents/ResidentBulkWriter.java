package org.gridlink.residents;

import java.time.Clock;
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
import org.jspecify.annotations.Nullable;
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

	/** Rows written after which the planner statistics are refreshed once more (the first time: the first batch). */
	static final int ANALYZE_AGAIN_AT = 50_000;

	private final PersonalDataCipher cipher;
	private final Households households;
	private final JdbcTemplate jdbc;
	private final JdbcClient client;
	private final ResidentRowWriter portable;
	private final ResidentRowWriter fast;
	private final boolean postgres;
	private final Clock clock;
	private final ResidentCounts counts;
	private final ResidentNameGrams grams;

	ResidentBulkWriter(PersonalDataCipher cipher, Households households, JdbcTemplate jdbc, JdbcClient client,
			DataSource dataSource, Clock clock, ResidentCounts counts, ResidentNameGrams grams) {
		this.grams = grams;
		this.clock = clock;
		this.counts = counts;
		this.cipher = cipher;
		this.households = households;
		this.jdbc = jdbc;
		this.client = client;
		this.portable = new BatchResidentRowWriter(jdbc, clock);
		this.postgres = isPostgres(dataSource);
		this.fast = postgres ? new CopyResidentRowWriter(dataSource, jdbc, clock) : portable;
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

	/**
	 * A row with its personal data sealed, waiting for its household id; on PostgreSQL with its columns already
	 * rendered for {@code COPY} ({@link StoredResident#copyText}), so that the thread writing to the database has
	 * little left to do.
	 */
	record Sealed(ImportRow row, Households.Key household, String idNumberHash, String idNumberEnc,
			String idNumberMasked, @Nullable String phoneHash, @Nullable String phoneEnc, @Nullable String phoneMasked,
			@Nullable String copyText) {
	}

	/** One row's stored columns (ID number and phone hashed, encrypted, masked). */
	Sealed seal(ImportRow row) {
		String phone = row.phone();
		String id = row.idNumber().value();
		String idHash = cipher.lookupHash(id);
		String idEnc = cipher.encrypt(id);
		String idMasked = Masked.idNumber(id);
		String phoneHash = phone == null ? null : cipher.lookupHash(phone);
		String phoneEnc = phone == null ? null : cipher.encrypt(phone);
		String phoneMasked = phone == null ? null : Masked.phone(phone);
		return new Sealed(row, row.household(), idHash, idEnc, idMasked, phoneHash, phoneEnc, phoneMasked,
				postgres ? CopyResidentRowWriter.render(row.name(), idHash, idEnc, idMasked, phoneHash, phoneEnc,
						phoneMasked, row.idNumber().birthDate(), row.idNumber().genderCode()) : null);
	}

	/** Writes sealed rows (each ID number at most once) with {@code writer}; {@code setBy} is recorded on tags. */
	void write(List<Sealed> rows, Households.Cache cache, ResidentRowWriter writer, String setBy) {
		if (rows.isEmpty()) {
			return;
		}
		long householdsBefore = grams.lastHouseholdId();
		households.resolve(rows.stream().map(Sealed::household).toList(), cache);
		grams.addHouseholdsFrom(householdsBefore);
		boolean analyze = postgres && (cache.analyzedAt == 0
				|| cache.analyzedAt < ANALYZE_AGAIN_AT && cache.written + rows.size() >= ANALYZE_AGAIN_AT);
		if (analyze) {
			// Refresh the planner statistics while the import grows the tables (after the first batch, and once more
			// after ANALYZE_AGAIN_AT rows; the planner scales the row counts it read with the tables' current size in
			// between, so further rounds only cost time): the foreign-key checks of resident -> household and
			// resident_tag -> resident are planned once per connection, and a plan made while the table looked empty
			// can pick an index that scans a whole district per checked row (quadratic: 100 % server CPU on a
			// 5,000-row COPY). Runs in the batch's transaction, so it sees the households just created.
			jdbc.execute("ANALYZE household");
		}
		List<StoredResident> stored = new ArrayList<>(rows.size());
		for (Sealed s : rows) {
			ImportRow r = s.row();
			stored.add(new StoredResident(s.household().district(), r.gridCode(), cache.ids.get(s.household()),
					r.name(), s.idNumberHash(), s.idNumberEnc(), s.idNumberMasked(), s.phoneHash(), s.phoneEnc(),
					s.phoneMasked(), r.idNumber().birthDate(), r.idNumber().genderCode(), s.copyText()));
		}
		long before = grams.lastId();
		if (writer.upsert(stored)) {
			grams.addFrom(before);
		}
		else {
			grams.replaceBatch(stored);
		}
		if (analyze) {
			jdbc.execute("ANALYZE resident");
			cache.analyzedAt = cache.written + rows.size();
		}
		cache.written += rows.size();
		// the grids the batch wrote to (a resident an update moved out of another grid is corrected there by the
		// periodic recount)
		counts.recount(rows.stream().map(r -> r.row().gridCode()).distinct().toList());
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
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<Object[]> inserts = new ArrayList<>();
		byDistrict.forEach((district, list) -> {
			Map<String, Long> ids = new HashMap<>();
			if (postgres) { // one query for the district's tagged residents of the batch
				jdbc.query("SELECT id_number_hash, id FROM resident WHERE district_code = ? AND id_number_hash = ANY(?)",
						rs -> {
							ids.put(rs.getString(1), rs.getLong(2));
						}, district, list.stream().map(Sealed::idNumberHash).toArray(String[]::new));
			}
			for (Sealed s : list) {
				// elsewhere one indexed lookup per tagged resident (a few per cent of rows): an IN list would scan the
				// table on H2
				Long id = postgres ? ids.get(s.idNumberHash())
						: client.sql("SELECT id FROM resident WHERE district_code = ? AND id_number_hash = ?")
								.params(district, s.idNumberHash()).query(Long.class).single();
				if (id == null) {
					throw new IllegalStateException("resident just written not found");
				}
				for (String tag : s.row().tags()) {
					inserts.add(new Object[] { id, district, tag, setBy, now,
							LocalDate.now(clock).plusDays(reviewDays.getOrDefault(tag, 365)) });
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
