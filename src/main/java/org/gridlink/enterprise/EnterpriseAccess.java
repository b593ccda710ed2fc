package org.gridlink.enterprise;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Who may do what in the registry, pure (docs/enterprise.md, "Who does what"); who sees which enterprise is
 * {@link EnterpriseDirectory}'s rule.
 * <ul>
 * <li>Register, edit and import: center, street and community staff for grids in their scope; a liaison edits the
 * enterprises assigned to them but does not move them to another grid.</li>
 * <li>Assign liaisons: center and street staff for enterprises in their scope.</li>
 * <li>Reveal the legal representative or contact phone (with a reason, audited): center, street, community, grid
 * workers and the assigned liaison; leaders read masked values only.</li>
 * </ul>
 */
final class EnterpriseAccess {

	private EnterpriseAccess() {
	}

	static boolean registersAny(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.STREET, Role.COMMUNITY) && !user.scope().isEmpty();
	}

	static boolean mayRegister(CurrentUser user, String gridCode) {
		return user.hasAny(Role.CENTER, Role.STREET, Role.COMMUNITY) && user.scope().covers(gridCode);
	}

	static boolean mayEdit(CurrentUser user, String gridCode, boolean assigned) {
		return mayRegister(user, gridCode) || (user.has(Role.LIAISON) && assigned);
	}

	static boolean mayAssign(CurrentUser user, String gridCode) {
		return user.hasAny(Role.CENTER, Role.STREET) && user.scope().covers(gridCode);
	}

	static boolean mayReveal(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.STREET, Role.COMMUNITY, Role.GRID_WORKER, Role.LIAISON);
	}
}
