package org.gridlink.jurisdiction;

/** What a staff member does: cadre of a unit, grid worker, community officer, property company staff, other. */
public enum StaffKind {
	CADRE, GRID_WORKER, OFFICER, PROPERTY, OTHER
}
