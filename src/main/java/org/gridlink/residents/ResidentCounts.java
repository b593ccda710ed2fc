package org.gridlink.residents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Residents per grid ({@code resident_grid_count}), so that a list of a district need not count a million rows for
 * its total. Every write path of the module recounts the grids it touched in its own transaction (one index range of
 * a grid, a few thousand rows); {@link #recountAll} recounts every grid periodically, which also corrects what a
 * concurrent write or an update that moved a resident out of a grid the batch did not name left behind. Totals read
 * from here above the exact-count threshold are shown as "about N".
 */
@Component
class ResidentCounts {

	private static final Logger LOG = LoggerFactory.getLogger(ResidentCounts.class);

	/**
	 * Below this many residents in the searched area a total is counted exactly; above it the total of an unfiltered
	 * list comes from these counters and that of a text or tag search is extrapolated from a sample of this many
	 * residents (both shown as "about N").
	 */
	static final int EXACT_COUNT_LIMIT = 20_000;

	private final JdbcClient jdbc;
	private final Clock clock;
	private volatile int exactCountLimit = EXACT_COUNT_LIMIT;

	ResidentCounts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	int exactCountLimit() {
		return exactCountLimit;
	}

	/** For tests: a lower threshold, so that the small test district shows estimated totals. */
	void exactCountLimit(int limit) {
		this.exactCountLimit = limit;
	}

	/** Recounts the residents of these grids (call inside the transaction that wrote them). */
	void recount(Collection<String> grids) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (String grid : new TreeSet<>(grids)) { // in order: two writers never wait on each other's rows crosswise
			if (grid == null || grid.length() < 6) {
				continue;
			}
			jdbc.sql("""
					INSERT INTO resident_grid_count (grid_code, district_code, residents, counted_at)
					VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING""").params(grid, grid.substring(0, 6), now).update();
			jdbc.sql("""
					UPDATE resident_grid_count SET residents = (SELECT COUNT(*) FROM resident WHERE grid_code = ?),
					counted_at = ? WHERE grid_code = ?""").params(grid, now, grid).update();
		}
	}

	/** Recounts every grid (one pass over the residents' grid index). */
	@Scheduled(initialDelayString = "${gridlink.residents.recount-every:PT30M}",
			fixedDelayString = "${gridlink.residents.recount-every:PT30M}")
	void recountAll() {
		long t0 = System.nanoTime();
		Map<String, Long> counted = new HashMap<>();
		jdbc.sql("SELECT grid_code, COUNT(*) FROM resident GROUP BY grid_code")
				.query((java.sql.ResultSet rs) -> {
					counted.put(rs.getString(1), rs.getLong(2));
				});
		Map<String, Long> stored = new HashMap<>();
		jdbc.sql("SELECT grid_code, residents FROM resident_grid_count").query((java.sql.ResultSet rs) -> {
			stored.put(rs.getString(1), rs.getLong(2));
		});
		OffsetDateTime now = OffsetDateTime.now(clock);
		int changed = 0;
		for (String grid : new TreeSet<>(stored.keySet())) {
			if (!counted.containsKey(grid)) {
				counted.put(grid, 0L);
			}
		}
		for (Map.Entry<String, Long> e : new java.util.TreeMap<>(counted).entrySet()) {
			if (e.getValue().equals(stored.get(e.getKey()))) {
				continue;
			}
			changed++;
			jdbc.sql("""
					INSERT INTO resident_grid_count (grid_code, district_code, residents, counted_at)
					VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING""")
					.params(e.getKey(), e.getKey().substring(0, Math.min(6, e.getKey().length())), now).update();
			jdbc.sql("UPDATE resident_grid_count SET residents = ?, counted_at = ? WHERE grid_code = ?")
					.params(e.getValue(), now, e.getKey()).update();
		}
		if (changed > 0) {
			LOG.info("Resident counts: {} of {} grids corrected in {} ms", changed, counted.size(),
					(System.nanoTime() - t0) / 1_000_000);
		}
	}

	/** Residents of the grids whose code satisfies {@code condition} (over {@code g.grid_code}), by the counters. */
	long total(String condition, java.util.List<Object> params) {
		return jdbc.sql("SELECT COALESCE(SUM(g.residents), 0) FROM resident_grid_count g WHERE " + condition)
				.params(params).query(Long.class).single();
	}

	/**
	 * The grid (in code order, among those satisfying {@code condition}) holding the resident at position
	 * {@code offset} (0-based) of the list ordered by grid code, with the residents of the grids before it, by the
	 * counters: where a deep page by number starts. Null when the grids together hold no more than {@code offset}.
	 */
	Map.@org.jspecify.annotations.Nullable Entry<String, Long> gridAt(String condition, java.util.List<Object> params,
			long offset) {
		long before = 0;
		for (Map.Entry<String, Long> grid : jdbc.sql("SELECT g.grid_code, g.residents FROM resident_grid_count g WHERE "
				+ condition + " AND g.residents > 0 ORDER BY g.grid_code").params(params)
				.query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()) {
			if (before + grid.getValue() > offset) {
				return Map.entry(grid.getKey(), before);
			}
			before += grid.getValue();
		}
		return null;
	}

	/**
	 * The grid code up to which (in code order) the grids satisfying {@code condition} hold at least {@code rows}
	 * residents, with that number: the sample a filtered count is extrapolated from. Null when all of them together
	 * hold fewer.
	 */
	Map.@org.jspecify.annotations.Nullable Entry<String, Long> sampleBoundary(String condition, java.util.List<Object> params, long rows) {
		long sum = 0;
		for (Map.Entry<String, Long> grid : jdbc.sql("SELECT g.grid_code, g.residents FROM resident_grid_count g WHERE "
				+ condition + " AND g.residents > 0 ORDER BY g.grid_code").params(params)
				.query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()) {
			sum += grid.getValue();
			if (sum >= rows) {
				return Map.entry(grid.getKey(), sum);
			}
		}
		return null;
	}
}
