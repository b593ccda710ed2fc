package org.gridlink.cases;

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

	private final JdbcClient jdbc;
	private final CaseManagement cases;

	CaseWork(JdbcClient jdbc, CaseManagement cases) {
		this.jdbc = jdbc;
		this.cases = cases;
	}

	public ToDo toDo(CurrentUser user) {
		if (!CaseAccess.canRead(user)) {
			return new ToDo(0, 0, 0, 0, 0, 0);
		}
		boolean unitOnly = user.has(Role.DEPT) && user.unitId() != null && !CaseAccess.seesArea(user);
		String mine = unitOnly ? "c.lead_unit_id = " + user.unitId().longValue() : "(" + cases.visibility(user) + ")";
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
