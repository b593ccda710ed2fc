package org.gridlink.platform;

import java.util.List;
import java.util.Map;

/**
 * Something the district map can colour its grids by, contributed by the module that owns the data (like
 * {@link HomeCards}): open cases, screening progress, people in quarantine. The map page asks every bean for the
 * measures the user may read; {@code GET /api/v1/map/measures/{key}} serves one measure's values.
 */
@org.springframework.modulith.NamedInterface("api")
public interface MapMeasure {

	/** The measure's key in URLs, e.g. {@code cases-open}. */
	String key();

	/** Message key of the measure's name, e.g. {@code map.measure.cases-open}. */
	String labelKey();

	/** Where it stands in the choice (smaller first); the first one the user may read is the default. */
	int order();

	/**
	 * The lower bounds of the legend's classes, ascending (the first class starts at the first bound, the last one
	 * is open-ended), e.g. {@code 0, 1, 3, 6, 10} for counts or {@code 0, 25, 50, 75, 100} for a percentage.
	 */
	List<Number> breaks();

	/** True for a percentage (a grid without a value has no data); false (the default) for a count (a grid without one has 0). */
	default boolean percent() {
		return false;
	}

	/** True when the user's roles may read this measure at all. */
	boolean mayRead(CurrentUser user);

	/** Grid code to value, only for grids in the user's scope (filtered in the query). */
	Map<String, Number> values(CurrentUser user);

	/** Runs a query of two columns, grid code and a count, into the map a count measure answers (in query order). */
	static Map<String, Number> countsByGrid(org.springframework.jdbc.core.simple.JdbcClient jdbc, String sql) {
		Map<String, Number> values = new java.util.LinkedHashMap<>();
		jdbc.sql(sql).query((rs, i) -> values.put(rs.getString(1), rs.getLong(2))).list();
		return values;
	}
}
