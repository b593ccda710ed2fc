package org.gridlink.dailyreport;

/**
 * The state of one place's report of one day: MISSING (nothing saved), DRAFT (saved, not submitted), SUBMITTED
 * (waiting for the review), RETURNED (sent back with a note), ACCEPTED (passed up).
 */
@org.springframework.modulith.NamedInterface("api")
public enum ReportState {
	MISSING, DRAFT, SUBMITTED, RETURNED, ACCEPTED;

	/** True when the place has handed its figures in (submitted or accepted). */
	public boolean handedIn() {
		return this == SUBMITTED || this == ACCEPTED;
	}
}
