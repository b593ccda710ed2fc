package org.gridlink.supplies.necessities;

import java.util.Set;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Who may do what with necessities and produce (pure; the scope of each query is the user's jurisdictions):
 * <ul>
 * <li>order for a household, register a household and issue its link, read pick lists and the board: grid worker
 * (own grids), community, street, center;</li>
 * <li>record a delivery at the gate: grid worker, community, volunteer (in their scope);</li>
 * <li>manage suppliers: center (streets and communities read those delivering to them);</li>
 * <li>manage produce offers, needs and deals: center and street.</li>
 * </ul>
 */
public final class NecessityAccess {

	static final Set<Role> ORDER = Set.of(Role.GRID_WORKER, Role.COMMUNITY, Role.STREET, Role.CENTER);
	static final Set<Role> DELIVER = Set.of(Role.GRID_WORKER, Role.COMMUNITY, Role.VOLUNTEER);
	static final Set<Role> SUPPLIERS_READ = Set.of(Role.GRID_WORKER, Role.COMMUNITY, Role.STREET, Role.CENTER);
	static final Set<Role> SUPPLIERS_MANAGE = Set.of(Role.CENTER);
	static final Set<Role> PRODUCE = Set.of(Role.CENTER, Role.STREET);

	private NecessityAccess() {
	}

	public static boolean canOrder(CurrentUser user) {
		return any(user, ORDER);
	}

	public static boolean canDeliver(CurrentUser user) {
		return any(user, DELIVER);
	}

	public static boolean canReadSuppliers(CurrentUser user) {
		return any(user, SUPPLIERS_READ);
	}

	public static boolean canManageSuppliers(CurrentUser user) {
		return any(user, SUPPLIERS_MANAGE);
	}

	public static boolean canManageProduce(CurrentUser user) {
		return any(user, PRODUCE);
	}

	private static boolean any(CurrentUser user, Set<Role> roles) {
		return user.roles().stream().anyMatch(roles::contains);
	}
}
