package org.gridlink.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Who sees and does what in supervision, written once and used as SQL (constant text and validated numbers only).
 * The center and leaders see every round, target and hand-off in their jurisdiction scope and the center plans
 * (groups, rounds, check items); an inspector sees the targets of the groups they are a member of, records results
 * there and verifies those targets' fixes; street and community staff see only the hand-offs (and targets) in their
 * scope; a department sees the hand-offs to its unit and the targets that are its unit.
 */
final class InspectionAccess {

	private InspectionAccess() {
	}

	/** The user and the groups they are a member of (by account). */
	record Who(CurrentUser user, List<Long> groups, boolean wholeDistrict) {

		boolean plans() {
			return user.has(Role.CENTER) && !user.scope().isEmpty();
		}

		boolean readsAll() {
			return user.hasAny(Role.CENTER, Role.LEADER) && !user.scope().isEmpty();
		}

		boolean inspects() {
			return user.has(Role.INSPECTOR) && !groups.isEmpty();
		}

		boolean readsArea() {
			return user.hasAny(Role.STREET, Role.COMMUNITY) && !user.scope().isEmpty();
		}

		boolean readsUnit() {
			return user.has(Role.DEPT) && user.unitId() != null;
		}

		boolean reads() {
			return readsAll() || inspects() || readsArea() || readsUnit();
		}

		/** The targets (alias {@code t}, inspection_target) the user sees. */
		String targetSql() {
			List<String> parts = new ArrayList<>();
			if (readsAll() || readsArea()) {
				parts.add(user.scope().sqlCondition("t.community_code"));
			}
			if (readsAll() && wholeDistrict) {
				parts.add("t.unit_id IS NOT NULL");
			}
			if (inspects()) {
				parts.add("t.group_id IN (" + ids() + ")");
			}
			if (readsUnit()) {
				parts.add("t.unit_id = " + user.unitId().longValue());
			}
			return parts.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", parts) + ")";
		}

		/** The hand-offs (alias {@code h}, inspection_hand_off) the user sees. */
		String handOffSql() {
			List<String> parts = new ArrayList<>();
			if (readsAll() || readsArea()) {
				parts.add(user.scope().sqlCondition("h.community_code"));
			}
			if (inspects()) {
				parts.add("EXISTS (SELECT 1 FROM inspection_target gt WHERE gt.round_id = h.round_id"
						+ " AND gt.target_code = h.target_code AND gt.group_id IN (" + ids() + "))");
			}
			if (readsUnit()) {
				parts.add("h.unit_id = " + user.unitId().longValue());
			}
			return parts.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", parts) + ")";
		}

		/** True when the user records results at (and verifies fixes of) a target visited by {@code groupId}. */
		boolean worksFor(long groupId, String place) {
			return inspects() && groups.contains(groupId) || plans() && user.scope().covers(place);
		}

		private String ids() {
			return groups.stream().map(String::valueOf).collect(Collectors.joining(","));
		}
	}
}
