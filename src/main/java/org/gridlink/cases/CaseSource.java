package org.gridlink.cases;

/** Where a report came from. */
public enum CaseSource {
	GRID_WORKER, HOTLINE, RESIDENT, INSPECTION, ALERT, OPEN311, CENTER, STAFF
}
