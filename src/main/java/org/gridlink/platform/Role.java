package org.gridlink.platform;

/** The roles of PRODUCT.md's "Users" table. A user may hold several. */
@org.springframework.modulith.NamedInterface("api")
public enum Role {
	ADMIN, AUDITOR, CENTER, LEADER, DEPT, STREET, COMMUNITY, GRID_WORKER, POLICE, PROPERTY, INSPECTOR, CHECKPOINT,
	LIAISON, CADRE, VOLUNTEER, SITE_MANAGER;

	/** Spring Security authority name, e.g. {@code ROLE_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

	public static boolean isValid(String name) {
		for (Role role : values()) {
			if (role.name().equals(name)) {
				return true;
			}
		}
		return false;
	}
}
