package org.gridlink.dailyreport;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Who may do what with daily reports, pure. The center defines forms. A form is filled in by staff of its level
 * (community staff for a community form, street staff for a street form, a department's staff for their own unit on a
 * unit form) for a place of their scope, and reviewed by the level above: a street's staff for the communities below
 * it, the center for streets and units. Reading roll-ups and history: center, leaders, streets and communities, each
 * within their scope (a community sees its own, a street its subtree); a department reads the unit forms, its own
 * unit's reports only.
 */
final class ReportAccess {

	private ReportAccess() {
	}

	static boolean mayDefine(CurrentUser user) {
		return user.has(Role.CENTER) && !user.scope().isEmpty();
	}

	static boolean mayRead(CurrentUser user) {
		return (user.hasAny(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY) || ownUnit(user))
				&& !user.scope().isEmpty();
	}

	/** A department's staff: reads and fills in the unit forms for its own unit only. */
	static boolean ownUnit(CurrentUser user) {
		return user.has(Role.DEPT) && user.unitId() != null;
	}

	/** Reads the unit forms only (a department's staff without a role that reads places). */
	static boolean unitFormsOnly(CurrentUser user) {
		return ownUnit(user) && !user.hasAny(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY);
	}

	/** Sees every unit's report of a unit form (the center and leaders of the district). */
	static boolean seesAllUnits(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER) && !user.scope().isEmpty();
	}

	static boolean mayFill(CurrentUser user, FillerLevel level, String code) {
		Role filler = level == FillerLevel.STREET ? Role.STREET : Role.COMMUNITY;
		return level != FillerLevel.UNIT && user.has(filler) && user.scope().covers(code);
	}

	/** A unit form's report of unit {@code unitId}: filled in by that unit's own staff. */
	static boolean mayFillUnit(CurrentUser user, long unitId) {
		return user.has(Role.DEPT) && user.unitId() != null && user.unitId() == unitId && !user.scope().isEmpty();
	}

	/** Fills some form of this level at all (menus, home). */
	static boolean fills(CurrentUser user, FillerLevel level) {
		if (level == FillerLevel.UNIT) {
			return ownUnit(user) && !user.scope().isEmpty();
		}
		return user.has(level == FillerLevel.STREET ? Role.STREET : Role.COMMUNITY) && !user.scope().isEmpty();
	}

	/** Reviews the report of a place: a community's by its street, a street's and a unit's by the center. */
	static boolean mayReview(CurrentUser user, FillerLevel level, String code) {
		if (level == FillerLevel.UNIT) {
			return user.has(Role.CENTER) && !user.scope().isEmpty();
		}
		Role reviewer = level == FillerLevel.STREET ? Role.CENTER : Role.STREET;
		return user.has(reviewer) && user.scope().covers(code);
	}

	static boolean reviews(CurrentUser user) {
		return user.hasAny(Role.STREET, Role.CENTER) && !user.scope().isEmpty();
	}
}
