package org.gridlink.residents;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The text indexes of residents' names ({@code resident_name_gram}) and households' compounds and addresses
 * ({@code household_text_gram}): for each character position of a name the
 * character and the next one ({@code ''} after the last). A search text of two or more characters is looked up by
 * its first and last bigram, a single character by the rows starting with it; the matches are then checked with the
 * search's own {@code LIKE}, so the index only has to find a superset. Every write path of the module keeps it
 * current in its own transaction: {@link #replace} for single residents, {@link #addFrom} / {@link #replaceBatch}
 * for the bulk import's batches. The grams are cut in SQL (the same expression as the V6 backfill).
 */
@Component
class ResidentNameGrams {

	/** The grams of the residents selected by {@code where} (over {@code r}), cut from their names in SQL. */
	private static final String INSERT = """
			INSERT INTO resident_name_gram (resident_id, c1, c2, grid_code)
			SELECT DISTINCT r.id, SUBSTRING(r.name, p.n, 1), SUBSTRING(r.name, p.n + 1, 1), r.grid_code
			FROM resident r JOIN resident_text_position p ON p.n <= CHAR_LENGTH(r.name) WHERE\s""";

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	ResidentNameGrams(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> "PostgreSQL"
				.equals(c.getMetaData().getDatabaseProductName())));
	}

	/** The grams of the households selected by {@code where} (over {@code h}, twice): compound and address. */
	private static final String INSERT_HOUSEHOLDS = """
			INSERT INTO household_text_gram (household_id, c1, c2, grid_code)
			SELECT h.id, SUBSTRING(h.compound, p.n, 1), SUBSTRING(h.compound, p.n + 1, 1), h.grid_code
			FROM household h JOIN resident_text_position p ON p.n <= CHAR_LENGTH(h.compound) WHERE %1$s
			UNION
			SELECT h.id, SUBSTRING(h.address, p.n, 1), SUBSTRING(h.address, p.n + 1, 1), h.grid_code
			FROM household h JOIN resident_text_position p ON p.n <= CHAR_LENGTH(h.address) WHERE %1$s
			ON CONFLICT DO NOTHING""";

	/** The highest household id so far (call before creating households in bulk, then {@link #addHouseholdsFrom}). */
	long lastHouseholdId() {
		Long last = jdbc.queryForObject("SELECT MAX(id) FROM household", Long.class);
		return last == null ? 0 : last;
	}

	/** Indexes the households with an id above {@code after} (ids grow; conflicts with a concurrent writer skipped). */
	void addHouseholdsFrom(long after) {
		jdbc.update(INSERT_HOUSEHOLDS.formatted("h.id > ?"), after, after);
	}

	/** Indexes one household (just created; again is harmless). */
	void addHousehold(long householdId) {
		jdbc.update(INSERT_HOUSEHOLDS.formatted("h.id = ?"), householdId, householdId);
	}

	/** The highest resident id so far (call before a batch of new residents, then {@link #addFrom}). */
	long lastId() {
		Long last = jdbc.queryForObject("SELECT MAX(id) FROM resident", Long.class);
		return last == null ? 0 : last;
	}

	/**
	 * Indexes the residents with an id above {@code after}: the batch just inserted (ids grow). Residents another
	 * transaction inserted meanwhile may be among them; their own write indexes them too, so conflicts are skipped.
	 */
	void addFrom(long after) {
		jdbc.update(INSERT + "r.id > ? ON CONFLICT DO NOTHING", after);
	}

	/** Re-indexes the residents of a batch by district and ID number hash (inserted or updated). */
	void replaceBatch(List<StoredResident> rows) {
		if (postgres) { // two statements per district (a JDBC batch is one round trip per row on PostgreSQL)
			java.util.Map<String, List<String>> byDistrict = new java.util.TreeMap<>();
			rows.forEach(r -> byDistrict.computeIfAbsent(r.district(), d -> new ArrayList<>()).add(r.idNumberHash()));
			byDistrict.forEach((district, hashes) -> {
				String[] array = hashes.toArray(String[]::new);
				jdbc.update("""
						DELETE FROM resident_name_gram WHERE resident_id IN
						(SELECT id FROM resident WHERE district_code = ? AND id_number_hash = ANY(?))""", district, array);
				jdbc.update(INSERT + "r.district_code = ? AND r.id_number_hash = ANY(?) ON CONFLICT DO NOTHING",
						district, array);
			});
			return;
		}
		List<Object[]> keys = new ArrayList<>(rows.size());
		for (StoredResident r : rows) {
			keys.add(new Object[] { r.district(), r.idNumberHash() });
		}
		jdbc.batchUpdate("""
				DELETE FROM resident_name_gram WHERE resident_id IN
				(SELECT id FROM resident WHERE district_code = ? AND id_number_hash = ?)""", keys);
		jdbc.batchUpdate(INSERT + "r.district_code = ? AND r.id_number_hash = ? ON CONFLICT DO NOTHING", keys);
	}

	/** Re-indexes one resident (after its name or grid changed, or it was registered). */
	void replace(long residentId) {
		jdbc.update("DELETE FROM resident_name_gram WHERE resident_id = ?", residentId);
		jdbc.update(INSERT + "r.id = ? ON CONFLICT DO NOTHING", residentId);
	}

	/**
	 * The grams to look a search text up by, as {@code {c1, c2}} pairs ({@code c2} null: any second character): one
	 * for a single character, otherwise the first and the last bigram (one if they are the same). Characters are
	 * code points, as PostgreSQL's {@code SUBSTRING} counts them.
	 */
	static List<String[]> lookup(String text) {
		int[] cp = text.codePoints().toArray();
		if (cp.length == 0) {
			return List.of();
		}
		if (cp.length == 1) {
			List<String[]> one = new ArrayList<>();
			one.add(new String[] { Character.toString(cp[0]), null });
			return one;
		}
		List<String[]> grams = new ArrayList<>();
		grams.add(new String[] { Character.toString(cp[0]), Character.toString(cp[1]) });
		String[] last = { Character.toString(cp[cp.length - 2]), Character.toString(cp[cp.length - 1]) };
		if (cp.length > 2 && !(last[0].equals(grams.get(0)[0]) && last[1].equals(grams.get(0)[1]))) {
			grams.add(last);
		}
		return grams;
	}
}
