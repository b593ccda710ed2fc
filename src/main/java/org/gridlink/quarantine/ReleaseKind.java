package org.gridlink.quarantine;

/** A release at or after the planned end, or early with a reason. */
public enum ReleaseKind {
	COMPLETED, EARLY
}
