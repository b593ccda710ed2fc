package org.gridlink.cases;

import java.util.List;
import java.util.Map;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MapMeasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The district map coloured by open cases per grid: every case not yet closed (reported, filed, with a unit, handled,
 * verified, deferred or parked), of the classes the user's area roles see in their scope ({@link CaseAccess#areaSql}).
 */
@Component
class OpenCasesMeasure implements MapMeasure {

	static final String OPEN = "c.status NOT IN ('CLOSED', 'EVALUATED', 'REJECTED', 'VOIDED', 'MERGED')";

	private final JdbcClient jdbc;

	OpenCasesMeasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String key() {
		return "cases-open";
	}

	@Override
	public String labelKey() {
		return "map.measure.cases-open";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public List<Number> breaks() {
		return List.of(0, 1, 2, 4, 8);
	}

	@Override
	public boolean mayRead(CurrentUser user) {
		return CaseAccess.seesArea(user);
	}

	@Override
	public Map<String, Number> values(CurrentUser user) {
		if (!mayRead(user)) {
			return new java.util.LinkedHashMap<>();
		}
		return MapMeasure.countsByGrid(jdbc, "SELECT c.jurisdiction_code, COUNT(*) FROM case_file c WHERE "
				+ CaseAccess.areaSql(user) + " AND " + OPEN
				+ " AND LENGTH(c.jurisdiction_code) = 15 GROUP BY c.jurisdiction_code ORDER BY c.jurisdiction_code");
	}
}
