package org.gridlink.cases;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.gridlink.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Home tiles of case handling. The center and leaders: new reports waiting to be filed (to the duty desk) and overdue
 * cases (escalated) in their scope. A department handler: cases waiting for their unit to accept them and their
 * unit's overdue cases.
 */
@Component
class CaseDeskHomeCards implements HomeCards {

	private static final String OPEN_OVERDUE = "c.overdue = TRUE AND c.status IN ('DISPATCHED', 'ACCEPTED')";

	private final JdbcClient jdbc;

	CaseDeskHomeCards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		if (user.hasAny(Role.CENTER, Role.LEADER) && !user.scope().isEmpty()) {
			String area = user.scope().sqlCondition("c.jurisdiction_code");
			return List.of(
					new HomeCard("home.cases.reported", String.valueOf(count(area + " AND c.status = 'REPORTED'")),
							"/cases/duty"),
					new HomeCard("home.cases.overdue", String.valueOf(count(area + " AND " + OPEN_OVERDUE)),
							"/cases?overdue=true"));
		}
		if (user.has(Role.DEPT) && user.unitId() != null) {
			long unit = user.unitId();
			String mine = "c.lead_unit_id = " + unit;
			return List.of(
					new HomeCard("home.cases.waiting", String.valueOf(count(mine + " AND c.status = 'DISPATCHED'")),
							"/cases?status=DISPATCHED&unit=" + unit),
					new HomeCard("home.cases.unit.overdue", String.valueOf(count(mine + " AND " + OPEN_OVERDUE)),
							"/cases?overdue=true&unit=" + unit));
		}
		return List.of();
	}

	private long count(String where) {
		return jdbc.sql("SELECT COUNT(*) FROM case_file c WHERE " + where).query(Long.class).single();
	}
}
