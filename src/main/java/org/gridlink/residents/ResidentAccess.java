package org.gridlink.residents;

import java.util.EnumSet;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Which roles work with the registry. Everyone else (the system admin by default, the auditor, inspectors,
 * property companies...) sees no resident; of those who do, all but leaders may reveal a value with a reason.
 */
final class ResidentAccess {

	static final Set<Role> READERS = EnumSet.of(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY,
			Role.GRID_WORKER, Role.POLICE);
	static final Set<Role> REVEALERS = EnumSet.of(Role.CENTER, Role.STREET, Role.COMMUNITY, Role.GRID_WORKER,
			Role.POLICE);
	static final Set<Role> EDITORS = EnumSet.of(Role.CENTER, Role.STREET, Role.COMMUNITY, Role.GRID_WORKER);

	private ResidentAccess() {
	}

	static boolean canRead(CurrentUser user) {
		return user.roles().stream().anyMatch(READERS::contains);
	}

	static boolean canReveal(CurrentUser user) {
		return user.roles().stream().anyMatch(REVEALERS::contains);
	}

	static boolean canEdit(CurrentUser user) {
		return user.roles().stream().anyMatch(EDITORS::contains);
	}
}
