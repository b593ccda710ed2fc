package org.gridlink.cases;

import java.util.EnumSet;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Who may do what on a case. The area roles see the cases located in their jurisdiction scope; department handlers
 * (and police officers for their unit) see the cases dispatched to their unit, as lead or assisting unit.
 */
final class CaseAccess {

	/** Roles that see the cases located in their scope. */
	static final Set<Role> AREA_READERS = EnumSet.of(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY,
			Role.GRID_WORKER, Role.POLICE, Role.PROPERTY, Role.INSPECTOR);
	/** Roles that see the cases dispatched to their unit. */
	static final Set<Role> UNIT_READERS = EnumSet.of(Role.DEPT, Role.POLICE, Role.CENTER);
	/** Roles that may report a problem in their scope. */
	static final Set<Role> REPORTERS = EnumSet.of(Role.GRID_WORKER, Role.CENTER, Role.STREET, Role.COMMUNITY,
			Role.POLICE, Role.PROPERTY, Role.INSPECTOR, Role.DEPT);

	private static final Set<CaseAction> CENTER_ACTIONS = EnumSet.of(CaseAction.FILE, CaseAction.REJECT,
			CaseAction.DISPATCH, CaseAction.VERIFY, CaseAction.CLOSE, CaseAction.EVALUATE,
			CaseAction.APPROVE_EXTENSION, CaseAction.APPROVE_DEFERRAL, CaseAction.PARK, CaseAction.RESUME,
			CaseAction.URGE, CaseAction.VOID, CaseAction.MERGE);
	private static final Set<CaseAction> UNIT_ACTIONS = EnumSet.of(CaseAction.ACCEPT, CaseAction.RETURN,
			CaseAction.FEEDBACK, CaseAction.EXTEND, CaseAction.DEFER);

	private CaseAccess() {
	}

	static boolean canRead(CurrentUser user) {
		return user.roles().stream().anyMatch(r -> AREA_READERS.contains(r) || UNIT_READERS.contains(r));
	}

	static boolean canReport(CurrentUser user) {
		return user.roles().stream().anyMatch(REPORTERS::contains) && !user.scope().isEmpty();
	}

	static boolean seesArea(CurrentUser user) {
		return user.roles().stream().anyMatch(AREA_READERS::contains);
	}

	static boolean seesUnit(CurrentUser user) {
		return user.unitId() != null && user.roles().stream().anyMatch(UNIT_READERS::contains);
	}

	/** Role check for one action; {@code inArea}: the case lies in the user's scope. */
	static boolean mayTake(CurrentUser user, CaseAction action, CaseFile file, boolean inArea) {
		if (inArea && user.has(Role.CENTER) && CENTER_ACTIONS.contains(action)) {
			return true;
		}
		if (inArea && user.has(Role.LEADER) && action == CaseAction.URGE) {
			return true;
		}
		if (inArea && user.has(Role.GRID_WORKER) && action == CaseAction.VERIFY) {
			return true;
		}
		if (action == CaseAction.EVALUATE && user.username().equals(file.reporter())) {
			return true;
		}
		return UNIT_ACTIONS.contains(action) && user.unitId() != null && user.unitId().equals(file.leadUnitId())
				&& user.roles().stream().anyMatch(UNIT_READERS::contains);
	}
}
