package org.gridlink.supplies;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.shared.JurisdictionCode;
import org.gridlink.shared.JurisdictionLevel;

/**
 * Who may do what with reserves and requests, pure (docs/supplies.md, "Who does what").
 * <ul>
 * <li>Reading warehouses, stock and the ledger: center, leaders, streets and communities for the warehouses whose
 * place lies in their scope; department staff for the warehouses their unit keeps.</li>
 * <li>Keeping a warehouse (movements, minimum levels, shipping a request from it): a warehouse kept by a unit — the
 * unit's department or center staff; any other — the staff of its level in scope (center for a district warehouse,
 * street for a street one, community for a community one).</li>
 * <li>Requests: community staff ask for their community and confirm receipt; the street's staff approve (only
 * cutting); the center allocates a warehouse in its scope; the warehouse's keepers ship.</li>
 * </ul>
 */
final class SupplyAccess {

	private SupplyAccess() {
	}

	static boolean readsPlaces(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY) && !user.scope().isEmpty();
	}

	/** Opens the reserves pages at all (menus). */
	static boolean readsReserves(CurrentUser user) {
		return readsPlaces(user) || (user.has(Role.DEPT) && user.unitId() != null);
	}

	static boolean readsWarehouse(CurrentUser user, Warehouse w) {
		return (readsPlaces(user) && user.scope().covers(w.jurisdictionCode()))
				|| (user.has(Role.DEPT) && w.unitId() != null && w.unitId().equals(user.unitId()));
	}

	/** SQL over supply_warehouse alias {@code w}: the warehouses the user reads. */
	static String warehouseSql(CurrentUser user) {
		String places = readsPlaces(user) ? user.scope().sqlCondition("w.jurisdiction_code") : "1=0";
		String unit = user.has(Role.DEPT) && user.unitId() != null ? "w.unit_id = " + user.unitId() : "1=0";
		return "(" + places + " OR " + unit + ")";
	}

	static boolean keeps(CurrentUser user, Warehouse w) {
		if (w.unitId() != null) {
			return user.hasAny(Role.DEPT, Role.CENTER) && w.unitId().equals(user.unitId());
		}
		Role keeper = switch (w.level()) {
			case "DISTRICT" -> Role.CENTER;
			case "STREET" -> Role.STREET;
			default -> Role.COMMUNITY;
		};
		return user.has(keeper) && user.scope().covers(w.jurisdictionCode());
	}

	static boolean mayRequest(CurrentUser user, String communityCode) {
		return user.has(Role.COMMUNITY) && JurisdictionCode.isValid(communityCode)
				&& JurisdictionCode.of(communityCode).level() == JurisdictionLevel.COMMUNITY
				&& user.scope().covers(communityCode);
	}

	/** Asks for some community at all (menus, the new-request form). */
	static boolean requests(CurrentUser user) {
		return user.has(Role.COMMUNITY) && !user.scope().isEmpty();
	}

	static boolean mayApprove(CurrentUser user, String communityCode) {
		return user.has(Role.STREET) && user.scope().covers(communityCode);
	}

	static boolean mayAllocate(CurrentUser user, String communityCode) {
		return user.has(Role.CENTER) && user.scope().covers(communityCode);
	}

	static boolean mayReceive(CurrentUser user, String communityCode) {
		return user.has(Role.COMMUNITY) && user.scope().covers(communityCode);
	}

	/** SQL over supply_request alias {@code r}: the requests the user reads (its places, or its unit's warehouses). */
	static String requestSql(CurrentUser user) {
		String places = readsPlaces(user) ? user.scope().sqlCondition("r.jurisdiction_code") : "1=0";
		String unit = user.hasAny(Role.DEPT, Role.CENTER) && user.unitId() != null
				? "r.warehouse_id IN (SELECT id FROM supply_warehouse WHERE unit_id = " + user.unitId() + ")" : "1=0";
		return "(" + places + " OR " + unit + ")";
	}

	/** Creates or edits a warehouse of this level and place: center (district), street, community, in scope. */
	static boolean managesWarehouse(CurrentUser user, String level, String code) {
		@org.jspecify.annotations.Nullable Role staff = switch (level) {
			case "DISTRICT" -> Role.CENTER;
			case "STREET" -> Role.STREET;
			case "COMMUNITY" -> Role.COMMUNITY;
			default -> null;
		};
		return staff != null && user.has(staff) && user.scope().covers(code);
	}
}
