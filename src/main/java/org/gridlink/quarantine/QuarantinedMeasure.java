package org.gridlink.quarantine;

import java.util.List;
import java.util.Map;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MapMeasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The district map coloured by people in quarantine: active orders (at home or in a site) per grid of the person,
 * for the grids in the user's scope. Counts only: no person is named.
 */
@Component
class QuarantinedMeasure implements MapMeasure {

	private final JdbcClient jdbc;

	QuarantinedMeasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String key() {
		return "quarantined";
	}

	@Override
	public String labelKey() {
		return "map.measure.quarantined";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public List<Number> breaks() {
		return List.of(0, 1, 2, 4, 8);
	}

	@Override
	public boolean mayRead(CurrentUser user) {
		return QuarantineAccess.has(user, QuarantineAccess.READERS);
	}

	@Override
	public Map<String, Number> values(CurrentUser user) {
		if (!mayRead(user)) {
			return new java.util.LinkedHashMap<>();
		}
		return MapMeasure.countsByGrid(jdbc, "SELECT p.grid_code, COUNT(*) FROM quarantine_order o JOIN quarantine_person p ON p.id = o.person_id"
				+ " WHERE o.status = 'ACTIVE' AND " + user.scope().sqlCondition("p.grid_code")
				+ " GROUP BY p.grid_code ORDER BY p.grid_code");
	}
}
