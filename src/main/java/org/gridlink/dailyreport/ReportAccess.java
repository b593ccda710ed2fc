package org.gridlink.dailyreport;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Who may do what with daily reports, pure. The center defines forms. A form is filled in by staff of its level
 * (community staff for a community form, street staff for a street form) for a place of their scope, and reviewed by
 * the level above: a street's staff for the communities below it, the center for streets. Reading roll-ups and
 * history: center, leaders, streets and communities, each within their scope (a community sees its own, a street
 * its subtree).
 */
final class ReportAccess {

	private ReportAccess() {
	}

	static boolean mayDefine(CurrentUser user) {
		return user.has(Role.CENTER) && !user.scope().isEmpty();
	}

	static boolean mayRead(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY) && !user.scope().isEmpty();
	}

	static boolean mayFill(CurrentUser user, FillerLevel level, String code) {
		Role filler = level == FillerLevel.STREET ? Role.STREET : Role.COMMUNITY;
		return level != FillerLevel.UNIT && user.has(filler) && user.scope().covers(code);
	}

	/** Fills some form of this level at all (menus, home). */
	static boolean fills(CurrentUser user, FillerLevel level) {
		return level != FillerLevel.UNIT && user.has(level == FillerLevel.STREET ? Role.STREET : Role.COMMUNITY)
				&& !user.scope().isEmpty();
	}

	static boolean mayReview(CurrentUser user, FillerLevel level, String code) {
		Role reviewer = level == FillerLevel.STREET ? Role.CENTER : Role.STREET;
		return level != FillerLevel.UNIT && user.has(reviewer) && user.scope().covers(code);
	}

	static boolean reviews(CurrentUser user) {
		return user.hasAny(Role.STREET, Role.CENTER) && !user.scope().isEmpty();
	}
}
