package org.gridlink.cases;

/** Where a report came from. */
@org.springframework.modulith.NamedInterface("api")
public enum CaseSource {
	GRID_WORKER, HOTLINE, RESIDENT, INSPECTION, ALERT, OPEN311, CENTER, STAFF
}
