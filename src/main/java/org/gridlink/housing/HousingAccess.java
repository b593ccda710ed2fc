package org.gridlink.housing;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;

/**
 * Who may do what in rural housing (the places come from {@link HousingDirectory}): everyone with a place reads the
 * projects they see; the center and the township (street) create and edit projects, set the rules, run them, open the
 * public notice period, answer objections and make the list final; township, village (community) staff and grid
 * workers survey households; township and village staff record objections.
 */
public final class HousingAccess {

	private HousingAccess() {
	}

	public static boolean reads(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.LEADER, Role.STREET, Role.COMMUNITY, Role.GRID_WORKER);
	}

	public static boolean managesProjects(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.STREET);
	}

	public static boolean surveys(CurrentUser user) {
		return user.hasAny(Role.STREET, Role.COMMUNITY, Role.GRID_WORKER);
	}

	public static boolean runsList(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.STREET);
	}

	public static boolean recordsObjections(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.STREET, Role.COMMUNITY);
	}

	public static boolean answersObjections(CurrentUser user) {
		return user.hasAny(Role.CENTER, Role.STREET);
	}
}
