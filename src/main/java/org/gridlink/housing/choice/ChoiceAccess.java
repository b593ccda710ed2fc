package org.gridlink.housing.choice;

import org.gridlink.housing.HousingProjectRef;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Who may do what in the choice part, pure (docs/housing-choice.md, "Who does what"). Reading follows the housing scope
 * rule ({@link org.gridlink.housing.HousingDirectory}); besides:
 * <ul>
 * <li>unit types, drawings, allocation rounds, the tranche plan and payments: township (street) staff of the project's
 * township and the center;</li>
 * <li>a household's choice, its agreement (draft, signed scan): village (community) staff of its village and township
 * staff of the township (they visit the homes).</li>
 * </ul>
 */
public final class ChoiceAccess {

	private ChoiceAccess() {
	}

	/** Keeps the project: unit types, drawings, allocation, tranche plan and payments. */
	public static boolean managesProject(CurrentUser user, HousingProjectRef project) {
		return user.hasAny(Role.CENTER, Role.STREET) && user.scope().covers(project.townshipCode());
	}

	/** Records a household's choice and its agreement (a home visit). */
	public static boolean servesHousehold(CurrentUser user, String villageCode) {
		return user.hasAny(Role.STREET, Role.COMMUNITY) && user.scope().covers(villageCode);
	}

	/** Records choices for some household at all (pages show the forms). */
	public static boolean servesHouseholds(CurrentUser user) {
		return user.hasAny(Role.STREET, Role.COMMUNITY) && !user.scope().isEmpty();
	}
}
