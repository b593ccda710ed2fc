package org.gridlink.enterprise.support;

import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Who may do what with relief, advisory teams and legal check-ups (pure). Which enterprises is always
 * {@link org.gridlink.enterprise.EnterpriseDirectory}'s one rule: a liaison their assigned enterprises, the place roles
 * those in their scope.
 * <ul>
 * <li>read relief, teams and check-ups: every role the directory shows enterprises to;</li>
 * <li>record relief: center, street, community and the liaison;</li>
 * <li>set an advisory team: center and street;</li>
 * <li>schedule a check-up, record findings and the revisit: center, street and the liaison.</li>
 * </ul>
 */
public final class SupportAccess {

	static final Set<Role> READ = Set.of(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY, Role.GRID_WORKER,
			Role.LIAISON);
	static final Set<Role> RELIEF = Set.of(Role.CENTER, Role.STREET, Role.COMMUNITY, Role.LIAISON);
	static final Set<Role> TEAM = Set.of(Role.CENTER, Role.STREET);
	static final Set<Role> CHECKUP = Set.of(Role.CENTER, Role.STREET, Role.LIAISON);

	private SupportAccess() {
	}

	public static boolean canRead(CurrentUser user) {
		return any(user, READ);
	}

	public static boolean canRecordRelief(CurrentUser user) {
		return any(user, RELIEF);
	}

	public static boolean canSetTeam(CurrentUser user) {
		return any(user, TEAM);
	}

	public static boolean canRunCheckups(CurrentUser user) {
		return any(user, CHECKUP);
	}

	private static boolean any(CurrentUser user, Set<Role> roles) {
		return user.roles().stream().anyMatch(roles::contains);
	}
}
