package org.gridlink.quarantine;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Who may do what with home quarantine monitoring, always within the user's jurisdiction scope (the person's grid):
 * the center, leaders and street, community and grid staff read check-ins, alerts and boards; grid workers,
 * community and street staff and the center record visits and issue check-in links. Department handlers (the health
 * unit) work from the case opened for an alert.
 */
public final class MonitoringAccess {

	private MonitoringAccess() {
	}

	public static boolean canRead(CurrentUser user) {
		return !user.scope().isEmpty()
				&& user.hasAny(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY, Role.GRID_WORKER);
	}

	public static boolean canRecord(CurrentUser user) {
		return !user.scope().isEmpty() && user.hasAny(Role.CENTER, Role.STREET, Role.COMMUNITY, Role.GRID_WORKER);
	}
}
