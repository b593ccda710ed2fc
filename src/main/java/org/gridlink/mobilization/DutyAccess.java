package org.gridlink.mobilization;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Who may do what with posted cadres on duty. Community staff manage their own community (today's code, confirming
 * a cadre's presence, tasks); streets, the center, leaders and units read within their scope; a unit's staff read
 * their own unit's board, the center and leaders every unit's; a cadre records and reads only their own presence.
 */
final class DutyAccess {

	private DutyAccess() {
	}

	/** Community staff of this community: today's code, confirming presence, giving tasks. */
	static boolean manages(CurrentUser user, String communityCode) {
		return user.has(Role.COMMUNITY) && user.scope().covers(communityCode);
	}

	/** Reads the lists and boards of the communities in their scope. */
	static boolean readsLists(CurrentUser user) {
		return user.hasAny(Role.COMMUNITY, Role.STREET, Role.CENTER, Role.LEADER, Role.DEPT);
	}

	static boolean readsCommunity(CurrentUser user, String communityCode) {
		return readsLists(user) && user.scope().covers(communityCode);
	}

	/** Reads a unit's board: its own staff (DEPT of that unit), the center and leaders. */
	static boolean readsUnit(CurrentUser user, long unitId) {
		return user.hasAny(Role.CENTER, Role.LEADER)
				|| (user.has(Role.DEPT) && user.unitId() != null && user.unitId() == unitId);
	}

	static boolean readsAnyUnit(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER) || (user.has(Role.DEPT) && user.unitId() != null);
	}

	static boolean isCadre(CurrentUser user) {
		return user.has(Role.CADRE);
	}
}
