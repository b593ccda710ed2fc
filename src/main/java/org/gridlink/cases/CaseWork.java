package org.gridlink.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a user has to do with cases now, for their home page: the cases waiting for them (to file, to accept, to
 * verify) and the ones running out of time, counted over exactly the cases the case list shows them.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
public class CaseWork {

	private static final String OPEN = "c.status IN ('DISPATCHED', 'ACCEPTED')";

	/**
	 * The counts; a part that does not concern the user's role is 0. {@code toFile}: new reports (center, leader);
	 * {@code toAccept}: dispatched to the user's unit, not yet accepted; {@code toVerify}: handled cases in a grid
	 * worker's grids; {@code nearDeadline} and {@code overdue}: open cases with a unit (the unit's own for a
	 * department handler, the area's for the others).
	 * {@code toReview}: cases reopened by a "not satisfied" rating waiting for the center's review (center).
	 */
	public record ToDo(long toFile, long toAccept, long toVerify, long nearDeadline, long overdue, long toReview) {
	}

	/** Cases reported and closed per day (district time), oldest day first, over the cases the user sees. */
	public record Trend(List<LocalDate> days, List<Long> reported, List<Long> closed) {
	}

	private final JdbcClient jdbc;
	private final CaseManagement cases;
	private final Clock clock;

	CaseWork(JdbcClient jdbc, CaseManagement cases, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.clock = clock;
	}

	public ToDo toDo(CurrentUser user) {
		if (!CaseAccess.canRead(user)) {
			return new ToDo(0, 0, 0, 0, 0, 0);
		}
		boolean unitOnly = user.has(Role.DEPT) && user.unitId() != null && !CaseAccess.seesArea(user);
		String mine = mine(user);
		long toFile = DutyRoster.canRead(user) ? count(mine + " AND c.status = 'REPORTED'") : 0;
		long toAccept = unitOnly ? count(mine + " AND c.status = 'DISPATCHED'") : 0;
		long toVerify = user.has(Role.GRID_WORKER) && !user.scope().isEmpty()
				? count(user.scope().sqlCondition("c.jurisdiction_code") + " AND c.status = 'HANDLED'"
						// a case reopened by a "not satisfied" rating is the center's to review, not the grid worker's
						+ " AND c.under_review = FALSE") : 0;
		long near = count(mine + " AND " + OPEN + " AND c.warned = TRUE AND c.overdue = FALSE");
		long overdue = count(mine + " AND " + OPEN + " AND c.overdue = TRUE");
		// reopened by a "not satisfied" rating, waiting for the center's review (the duty desk's fourth part)
		long toReview = DutyRoster.canRead(user) && user.has(Role.CENTER)
				? count(mine + " AND c.status = 'HANDLED' AND c.under_review = TRUE") : 0;
		return new ToDo(toFile, toAccept, toVerify, near, overdue, toReview);
	}

	/**
	 * The last {@code days} days up to today: how many cases were reported and how many closed each day, among the
	 * cases the user's case list shows (a department handler: its unit's cases). All zero for a user who reads none.
	 */
	public Trend trend(CurrentUser user, int days) {
		ZoneId zone = clock.getZone();
		LocalDate today = LocalDate.now(clock);
		LocalDate first = today.minusDays(days - 1L);
		Map<LocalDate, Long> reported = zeros(first, today);
		Map<LocalDate, Long> closed = zeros(first, today);
		if (CaseAccess.canRead(user)) {
			OffsetDateTime since = first.atStartOfDay(zone).toOffsetDateTime();
			String mine = mine(user);
			jdbc.sql("SELECT c.reported_at FROM case_file c WHERE " + mine + " AND c.reported_at >= ?").param(since)
				.query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).list()
				.forEach(t -> reported.computeIfPresent(t.atZoneSameInstant(zone).toLocalDate(), (d, n) -> n + 1));
			jdbc.sql("SELECT c.closed_at FROM case_file c WHERE " + mine + " AND c.closed_at >= ?").param(since)
				.query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).list()
				.forEach(t -> closed.computeIfPresent(t.atZoneSameInstant(zone).toLocalDate(), (d, n) -> n + 1));
		}
		return new Trend(List.copyOf(reported.keySet()), List.copyOf(reported.values()),
				List.copyOf(closed.values()));
	}

	private String mine(CurrentUser user) {
		boolean unitOnly = user.has(Role.DEPT) && user.unitId() != null && !CaseAccess.seesArea(user);
		return unitOnly ? "c.lead_unit_id = " + user.unitId().longValue() : "(" + cases.visibility(user) + ")";
	}

	private static Map<LocalDate, Long> zeros(LocalDate first, LocalDate last) {
		Map<LocalDate, Long> days = new LinkedHashMap<>();
		for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
			days.put(d, 0L);
		}
		return days;
	}

	/** True when the user may open the duty desk (other modules' pages link to it only then). */
	public boolean canOpenDutyDesk(CurrentUser user) {
		return DutyRoster.canRead(user);
	}

	/** True when the user may report a problem (the home page's "report a problem" button). */
	public boolean canReport(CurrentUser user) {
		return CaseAccess.canReport(user);
	}

	private long count(String where) {
		return jdbc.sql("SELECT COUNT(*) FROM case_file c WHERE " + where).query(Long.class).single();
	}
}
