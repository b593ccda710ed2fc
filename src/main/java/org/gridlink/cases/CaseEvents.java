package org.gridlink.cases;

/** What the loop tells other modules; ids only (the event registry keeps them small). */
public final class CaseEvents {

	private CaseEvents() {
	}

	public record CaseReported(long caseId, String categoryCode, String jurisdictionCode) {
	}

	public record CaseDispatched(long caseId, long unitId) {
	}

	/** The time limit ran out: escalated to the unit's leader and the center. */
	public record CaseOverdue(long caseId, long unitId) {
	}

	public record CaseClosed(long caseId, boolean onTime) {
	}
}
