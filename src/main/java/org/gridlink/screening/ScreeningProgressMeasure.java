package org.gridlink.screening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MapMeasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The district map coloured by screening progress: per grid, the share of households screened in the running
 * campaigns (from the per-grid task counters), in whole percent; a grid without a running task has no value.
 */
@Component
class ScreeningProgressMeasure implements MapMeasure {

	private final JdbcClient jdbc;

	ScreeningProgressMeasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String key() {
		return "screening-progress";
	}

	@Override
	public String labelKey() {
		return "map.measure.screening-progress";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public List<Number> breaks() {
		return List.of(0, 25, 50, 75, 100);
	}

	@Override
	public boolean percent() {
		return true;
	}

	@Override
	public boolean mayRead(CurrentUser user) {
		return ScreeningAccess.canRead(user);
	}

	@Override
	public Map<String, Number> values(CurrentUser user) {
		Map<String, Number> values = new LinkedHashMap<>();
		if (!mayRead(user)) {
			return values;
		}
		jdbc.sql("SELECT t.grid_code, SUM(t.screened_households), SUM(t.households) FROM screening_task t"
				+ " JOIN screening_campaign c ON c.id = t.campaign_id WHERE c.status = 'RUNNING' AND "
				+ user.scope().sqlCondition("t.grid_code") + " GROUP BY t.grid_code ORDER BY t.grid_code")
				.query((rs, i) -> {
					long screened = rs.getLong(2);
					long households = rs.getLong(3);
					return values.put(rs.getString(1),
							households == 0 ? 100 : (int) Math.min(100, screened * 100 / households));
				}).list();
		return values;
	}
}
