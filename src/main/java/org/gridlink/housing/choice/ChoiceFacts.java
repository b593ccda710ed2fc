package org.gridlink.housing.choice;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.gridlink.housing.HousingChoiceFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Households' choices, plots and agreements for the other parts (the households API, the board). */
@Component
class ChoiceFacts implements HousingChoiceFacts {

	private final JdbcClient jdbc;

	ChoiceFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, HouseholdChoice> choices(long projectId, Collection<Long> householdIds) {
		Map<Long, HouseholdChoice> result = new HashMap<>();
		if (householdIds.isEmpty()) {
			return result;
		}
		String ids = householdIds.stream().map(String::valueOf).distinct().collect(Collectors.joining(","));
		jdbc.sql("SELECT c.household_id, t.name, c.deferred, a.site_id, a.building, a.plot, g.state, g.number "
				+ "FROM housing_choice c LEFT JOIN housing_unit_type t ON t.id = c.unit_type_id "
				+ "LEFT JOIN housing_allocation a ON a.household_id = c.household_id "
				+ "LEFT JOIN housing_agreement g ON g.household_id = c.household_id "
				+ "WHERE c.project_id = ? AND c.household_id IN (" + ids + ")").param(projectId)
				.query((rs, i) -> Map.entry(rs.getLong(1), new HouseholdChoice(rs.getString(2), rs.getBoolean(3),
						rs.getObject(4, Long.class), rs.getObject(5, Integer.class), rs.getString(6),
						rs.getString(7) == null ? null : rs.getString(7).toLowerCase(java.util.Locale.ROOT),
						rs.getString(8))))
				.list().forEach(e -> result.put(e.getKey(), e.getValue()));
		return result;
	}
}
