package org.gridlink.cases;

import java.util.EnumSet;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;

/**
 * Who may do what on a case. The area roles see the cases located in their jurisdiction scope, each role the classes
 * it works on ({@link AreaClasses}); department handlers (and police officers and the center for their unit) see the
 * cases dispatched to their unit, as lead or assisting unit, whatever the class.
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

	/**
	 * Which cases of its area a role sees. The social-governance family S (disputes, epidemic reports, hardship,
	 * public security) concerns persons: property staff and police officers see only the urban-management families
	 * C and E in their area (police see an S case when their unit is on it); the quarantine module's health alert
	 * cases (source ALERT) are seen in the area only by the center and the person's grid worker (and by the units on
	 * the case).
	 */
	enum AreaClasses {
		/** Every case of the area. */
		ALL,
		/** Every case of the area but the health alerts. */
		NO_HEALTH_ALERTS,
		/** The urban-management families C and E only. */
		URBAN;

		boolean covers(CaseFile file) {
			return switch (this) {
				case ALL -> true;
				case NO_HEALTH_ALERTS -> !isHealthAlert(file);
				case URBAN -> isUrban(file.categoryCode());
			};
		}

		/** The SQL condition (over alias {@code c}); constant text, no input. */
		String sql() {
			return switch (this) {
				case ALL -> "1 = 1";
				case NO_HEALTH_ALERTS -> "c.source <> '" + CaseSource.ALERT.name() + "'";
				case URBAN -> "(c.category_code LIKE 'C%' OR c.category_code LIKE 'E%')";
			};
		}
	}

	private CaseAccess() {
	}

	static boolean isUrban(String categoryCode) {
		return categoryCode.startsWith("C") || categoryCode.startsWith("E");
	}

	/** A case the quarantine module opened for a health alert (fever, missed check-ins). */
	static boolean isHealthAlert(CaseFile file) {
		return file.source() == CaseSource.ALERT;
	}

	/** The widest class set of the user's area roles (a user with several roles sees the union); null: none. */
	static @Nullable AreaClasses areaClasses(CurrentUser user) {
		if (user.hasAny(Role.CENTER, Role.GRID_WORKER)) {
			return AreaClasses.ALL;
		}
		if (user.hasAny(Role.LEADER, Role.STREET, Role.COMMUNITY, Role.INSPECTOR)) {
			return AreaClasses.NO_HEALTH_ALERTS;
		}
		if (user.hasAny(Role.POLICE, Role.PROPERTY)) {
			return AreaClasses.URBAN;
		}
		return null;
	}

	/** True when the case lies in the user's scope and is of a class the user's area roles see. */
	static boolean seesInArea(CurrentUser user, CaseFile file) {
		AreaClasses classes = areaClasses(user);
		return classes != null && user.scope().covers(file.jurisdictionCode()) && classes.covers(file);
	}

	/** {@link #seesInArea} as an SQL condition over alias {@code c}; "1 = 0" for a role that sees no area. */
	static String areaSql(CurrentUser user) {
		AreaClasses classes = areaClasses(user);
		return classes == null ? "1 = 0"
				: "(" + user.scope().sqlCondition("c.jurisdiction_code") + " AND " + classes.sql() + ")";
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
		// a case reopened by a "not satisfied" rating is reviewed by the center, not by the grid worker
		if (inArea && user.has(Role.GRID_WORKER) && action == CaseAction.VERIFY && !file.underReview()) {
			return true;
		}
		if (action == CaseAction.EVALUATE && user.username().equals(file.reporter())) {
			return true;
		}
		return UNIT_ACTIONS.contains(action) && user.unitId() != null && user.unitId().equals(file.leadUnitId())
				&& user.roles().stream().anyMatch(UNIT_READERS::contains);
	}
}
