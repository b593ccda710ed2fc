package org.gridlink.residents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	Households(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
		this.jdbc = jdbc;
		this.template = template;
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
		OffsetDateTime now = OffsetDateTime.now();
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

	private void load(Set<String> grids, Cache cache) {
		if (grids.isEmpty()) {
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
					.params(key[0], key[1], key[2], key[3], key[4], key[5], key[6], OffsetDateTime.now()).update();
		}
		catch (DuplicateKeyException ex) {
			// created by a concurrent request: use theirs
		}
		return find(key).orElseThrow();
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
		String trimmed = value.strip().replaceAll("\\s+", " ");
		return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
	}
}
