package org.gridlink.screening;

import java.util.EnumSet;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/** Who does what with campaigns; the jurisdiction scope is checked on top of these roles. */
final class ScreeningAccess {

	/** Prepare, start and close campaigns, assign follow-up owners. */
	static final Set<Role> MANAGERS = EnumSet.of(Role.CENTER, Role.STREET, Role.COMMUNITY);
	/** Record screening results (grid workers in their own grids, managers for paper forms). */
	static final Set<Role> RECORDERS = EnumSet.of(Role.GRID_WORKER, Role.CENTER, Role.STREET, Role.COMMUNITY);
	/** See campaigns, progress and key persons. */
	static final Set<Role> READERS = EnumSet.of(Role.LEADER, Role.GRID_WORKER, Role.CENTER, Role.STREET,
			Role.COMMUNITY);

	private ScreeningAccess() {
	}

	static boolean canManage(CurrentUser user) {
		return user.roles().stream().anyMatch(MANAGERS::contains);
	}

	static boolean canRecord(CurrentUser user) {
		return user.roles().stream().anyMatch(RECORDERS::contains);
	}

	static boolean canRead(CurrentUser user) {
		return user.roles().stream().anyMatch(READERS::contains);
	}
}
