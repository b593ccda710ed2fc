package org.gridlink.mobilization.volunteers;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Who may do what with volunteers: community, street and center staff manage the volunteers and tasks of the
 * communities in their scope (approve, publish, confirm, record hours, reveal a phone with a reason); leaders read
 * in scope; a unit's staff (DEPT) read the party members who named their unit as branch (双报到); a volunteer sees
 * their own record, badge and tasks.
 */
public final class VolunteerAccess {

	private VolunteerAccess() {
	}

	public static boolean canManage(CurrentUser user) {
		return user.hasAny(Role.COMMUNITY, Role.STREET, Role.CENTER);
	}

	public static boolean canManage(CurrentUser user, String communityCode) {
		return canManage(user) && user.scope().covers(communityCode);
	}

	/** Reads volunteers by the jurisdiction scope. */
	public static boolean readsByScope(CurrentUser user) {
		return canManage(user) || user.has(Role.LEADER);
	}

	/** Reads the party members of its own unit. */
	public static boolean readsByUnit(CurrentUser user) {
		return user.has(Role.DEPT) && user.unitId() != null;
	}

	public static boolean canRead(CurrentUser user) {
		return readsByScope(user) || readsByUnit(user);
	}

	public static boolean canReveal(CurrentUser user) {
		return canManage(user);
	}
}
