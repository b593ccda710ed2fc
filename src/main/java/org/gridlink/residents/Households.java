package org.gridlink.residents;

import java.time.Clock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/** Households by address: found or created, listed in walking order (compound, building, entrance, room). */
@Component
class Households {

	private static final String VIEW = """
			SELECT h.id, h.grid_code, h.compound, h.building, h.entrance, h.room, h.address,
			  (SELECT COUNT(*) FROM resident r WHERE r.household_id = h.id AND r.district_code = h.district_code
			   AND r.status <> 'MOVED_OUT') AS members
			FROM household h""";

	private static final int CACHE_LIMIT = 200_000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	private final boolean postgres;
	private final DataSource dataSource;
	private volatile @Nullable String idSequence;

	private final Clock clock;
	private final ResidentNameGrams grams;

	Households(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, Clock clock, ResidentNameGrams grams) {
		this.grams = grams;
		this.clock = clock;
		this.jdbc = jdbc;
		this.template = template;
		this.dataSource = dataSource;
		this.postgres = isPostgres(dataSource);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** A household's address, with parts cleaned as they are stored ({@link #clean}). */
	record Key(String district, String grid, String compound, String building, String entrance, String room,
			String address) {
	}

	/** Household ids by address for a bulk write, remembered across the batches of one import. */
	static final class Cache {
		final Map<Key, Long> ids = new HashMap<>();
		final Set<String> loadedGrids = new HashSet<>();
		/** Rows written by this import so far, and when the planner statistics were last refreshed. */
		long written;
		long analyzedAt;
	}

	/**
	 * Finds or creates the households of {@code keys} in bulk: loads each grid's households once, then creates the
	 * missing ones in one batch (a household created meanwhile by someone else is taken as it is).
	 */
	void resolve(Collection<Key> keys, Cache cache) {
		if (cache.ids.size() > CACHE_LIMIT) {
			cache.ids.clear();
			cache.loadedGrids.clear();
		}
		Set<String> grids = keys.stream().filter(k -> !cache.ids.containsKey(k)).map(Key::grid)
				.filter(g -> !cache.loadedGrids.contains(g)).collect(Collectors.toSet());
		load(grids, cache);
		List<Key> missing = keys.stream().filter(k -> !cache.ids.containsKey(k)).distinct().toList();
		List<Key> unresolved = missing;
		if (missing.isEmpty()) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (postgres && copyNew(missing, now, cache)) {
			return;
		}
		if (postgres) {
			// one statement for the whole batch (a JDBC batch is one round trip per row on PostgreSQL)
			List<Map.Entry<Key, Long>> created = template.query(con -> {
				PreparedStatement statement = con.prepareStatement("""
						INSERT INTO household (district_code, grid_code, compound, building, entrance, room, address, created_at)
						SELECT d, g, c, b, e, r, a, ? FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
						  ?::varchar[], ?::varchar[], ?::varchar[]) AS k(d, g, c, b, e, r, a)
						ON CONFLICT DO NOTHING
						RETURNING id, district_code, grid_code, compound, building, entrance, room, address""");
				statement.setObject(1, now);
				List<Function<Key, String>> parts = List.of(Key::district, Key::grid, Key::compound,
						Key::building, Key::entrance, Key::room, Key::address);
				for (int i = 0; i < parts.size(); i++) {
					statement.setArray(i + 2, con.createArrayOf("varchar", missing.stream().map(parts.get(i)).toArray()));
				}
				return statement;
			}, (rs, i) -> Map.entry(new Key(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getString(8)), rs.getLong(1)));
			created.forEach(e -> cache.ids.put(e.getKey(), e.getValue()));
			unresolved = missing.stream().filter(k -> !cache.ids.containsKey(k)).toList();
			if (unresolved.isEmpty()) {
				return;
			}
		}
		else {
			template.batchUpdate("""
					INSERT INTO household (district_code, grid_code, compound, building, entrance, room, address, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
					missing.stream().map(k -> new Object[] { k.district(), k.grid(), k.compound(), k.building(),
							k.entrance(), k.room(), k.address(), now }).toList());
		}
		// households created meanwhile by someone else (or all of them, off PostgreSQL): read back by grid
		Set<String> reload = unresolved.stream().map(Key::grid).collect(Collectors.toSet());
		cache.loadedGrids.removeAll(reload);
		load(reload, cache);
	}

	/**
	 * PostgreSQL's fast path for a batch's new households: ids taken from the table's sequence in one query, then one
	 * {@code COPY} (no conflict handling to pay for). False, with nothing written (rolled back to a savepoint), if
	 * one of them has been created meanwhile by someone else; the caller then inserts them with {@code ON CONFLICT}.
	 * Must run inside a transaction.
	 */
	private boolean copyNew(List<Key> missing, OffsetDateTime now, Cache cache) {
		String sequence = idSequence;
		if (sequence == null) {
			// its schema-qualified name, inlined below as a constant: looking it up per row (pg_get_serial_sequence
			// reads the catalogue each time) costs more than the nextval itself
			sequence = template.queryForObject("SELECT pg_get_serial_sequence('household', 'id')", String.class);
			idSequence = sequence;
		}
		List<Long> ids = template.queryForList("SELECT nextval('" + sequence.replace("'", "''")
				+ "'::regclass) FROM generate_series(1, ?)", Long.class, missing.size());
		String created = now.toString();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			Savepoint savepoint = connection.setSavepoint();
			try (CopyText text = CopyText.into(connection,
					"household (id, district_code, grid_code, compound, building, entrance, room, address, created_at)")) {
				for (int i = 0; i < missing.size(); i++) {
					Key k = missing.get(i);
					text.plain(ids.get(i)).plain(k.district()).plain(k.grid()).add(k.compound()).add(k.building())
							.add(k.entrance()).add(k.room()).add(k.address()).plain(created).endRow();
				}
				text.finish();
				connection.releaseSavepoint(savepoint);
			}
			catch (SQLException createdMeanwhile) {
				connection.rollback(savepoint);
				return false;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY of households failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		for (int i = 0; i < missing.size(); i++) {
			cache.ids.put(missing.get(i), ids.get(i));
		}
		return true;
	}

	private void load(Set<String> grids, Cache cache) {
		if (grids.isEmpty()) {
			return;
		}
		if (postgres) { // one query for the batch's grids
			template.query("""
					SELECT id, district_code, grid_code, compound, building, entrance, room, address FROM household
					WHERE grid_code = ANY(?)""", rs -> {
				cache.ids.put(new Key(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getString(7), rs.getString(8)), rs.getLong(1));
			}, (Object) grids.toArray(String[]::new));
			cache.loadedGrids.addAll(grids);
			return;
		}
		for (String grid : grids) { // one indexed query per grid (an IN list would scan the table on H2)
			jdbc.sql("""
					SELECT id, district_code, grid_code, compound, building, entrance, room, address FROM household
					WHERE grid_code = ?""").param(grid)
					.query((rs, i) -> Map.entry(new Key(rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), rs.getLong(1)))
					.list().forEach(e -> cache.ids.put(e.getKey(), e.getValue()));
		}
		cache.loadedGrids.addAll(grids);
	}

	long findOrCreate(String district, String grid, String compound, String building, String entrance, String room,
			String address) {
		Object[] key = { district, grid, clean(compound, 100), clean(building, 30), clean(entrance, 20),
				clean(room, 30), clean(address, 200) };
		Optional<Long> existing = find(key);
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			jdbc.sql("""
					INSERT INTO household (district_code, grid_code, compound, building, entrance, room, address, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(key[0], key[1], key[2], key[3], key[4], key[5], key[6], OffsetDateTime.now(clock)).update();
		}
		catch (DuplicateKeyException ex) {
			// created by a concurrent request: use theirs
			return find(key).orElseThrow();
		}
		long id = find(key).orElseThrow();
		grams.addHousehold(id);
		return id;
	}

	List<HouseholdView> ofGrid(String grid) {
		return jdbc.sql(VIEW + " WHERE h.grid_code = ? ORDER BY h.compound, h.building, h.entrance, h.room, h.address, h.id")
				.param(grid).query((rs, i) -> new HouseholdView(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)))
				.list();
	}

	Optional<HouseholdView> get(long id) {
		return jdbc.sql(VIEW + " WHERE h.id = ?").param(id)
				.query((rs, i) -> new HouseholdView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)))
				.optional();
	}

	private Optional<Long> find(Object[] key) {
		return jdbc.sql("""
				SELECT id FROM household WHERE district_code = ? AND grid_code = ? AND compound = ? AND building = ?
				AND entrance = ? AND room = ? AND address = ?""").params(key).query(Long.class).optional();
	}

	static String clean(String value, int max) {
		if (value == null) {
			return "";
		}
		String trimmed = collapseSpaces(value.strip(), " ");
		return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
	}

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/**
	 * {@code value.replaceAll("\\s+", replacement)} without the regular expression when there is nothing to replace
	 * (no space at all, or only single spaces kept as they are): most values of a bulk import.
	 */
	static String collapseSpaces(String value, String replacement) {
		boolean single = replacement.equals(" ");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (isSpace(c) && (!single || c != ' ' || i + 1 < value.length() && isSpace(value.charAt(i + 1)))) {
				return SPACES.matcher(value).replaceAll(replacement);
			}
		}
		return value;
	}

	/** The characters of the regular expression {@code \\s}. */
	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}
}
