package org.gridlink.quarantine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the home quarantine orders that check-ins monitor (tables of this module's order spine). Not scope-checked:
 * callers check the person's grid against the user's scope.
 */
@Component
class MonitoredOrders {

	static final String COLUMNS = """
			o.id, o.type, o.status, o.start_date, o.planned_end, o.released_at, o.created_at, p.grid_code,
			p.district_code, p.name_masked""";

	/** One order as monitoring sees it: no name in clear, no ID number, no address. */
	record MonitoredOrder(long id, String type, String status, LocalDate startDate, LocalDate plannedEnd,
			OffsetDateTime releasedAt, OffsetDateTime createdAt, String gridCode, String districtCode,
			String maskedName) {

		boolean isHome() {
			return "HOME".equals(type);
		}

		/** Active home quarantine on this day: the days a check-in is due. */
		boolean monitoredOn(LocalDate day) {
			return isHome() && "ACTIVE".equals(status) && !day.isBefore(startDate) && !day.isAfter(plannedEnd);
		}
	}

	private final JdbcClient jdbc;

	MonitoredOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<MonitoredOrder> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM quarantine_order o JOIN quarantine_person p ON p.id = o.person_id"
				+ " WHERE o.id = ?").param(id).query(MonitoredOrders::map).optional();
	}

	static MonitoredOrder map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new MonitoredOrder(rs.getLong("id"), rs.getString("type"), rs.getString("status"),
				rs.getObject("start_date", LocalDate.class), rs.getObject("planned_end", LocalDate.class),
				rs.getObject("released_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
				rs.getString("grid_code"), rs.getString("district_code"), rs.getString("name_masked"));
	}
}
