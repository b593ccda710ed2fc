package org.gridlink.mobilization.council;

import java.util.EnumSet;
import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Who may read and keep a council: community staff their own community, street staff the communities of their street,
 * the command center the district (read and write), leaders the district (read only). Always within the user's scope.
 * Pure: {@link #reads}/{@link #writes} for one community, {@link #scopeSql} for lists and counts.
 */
final class CouncilAccess {

	static final Set<Role> WRITERS = EnumSet.of(Role.COMMUNITY, Role.STREET, Role.CENTER);
	static final Set<Role> READERS = EnumSet.of(Role.COMMUNITY, Role.STREET, Role.CENTER, Role.LEADER);

	private CouncilAccess() {
	}

	static boolean readsAny(CurrentUser user) {
		return user.roles().stream().anyMatch(READERS::contains) && !user.scope().isEmpty();
	}

	static boolean writesAny(CurrentUser user) {
		return user.roles().stream().anyMatch(WRITERS::contains) && !user.scope().isEmpty();
	}

	static boolean reads(CurrentUser user, String communityCode) {
		return readsAny(user) && user.scope().covers(communityCode);
	}

	static boolean writes(CurrentUser user, String communityCode) {
		return writesAny(user) && user.scope().covers(communityCode);
	}

	/** The SQL condition over a community code column for the councils the user reads ({@code 1=0} for none). */
	static String scopeSql(CurrentUser user, String column) {
		return readsAny(user) ? user.scope().sqlCondition(column) : "1=0";
	}
}
