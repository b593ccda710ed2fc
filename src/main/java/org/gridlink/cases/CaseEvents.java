package org.gridlink.cases;

/** What the loop tells other modules; ids only (the event registry keeps them small). */
@org.springframework.modulith.NamedInterface("api")
public final class CaseEvents {

	private CaseEvents() {
	}

	@org.springframework.modulith.NamedInterface("api")
	public record CaseReported(long caseId, String categoryCode, String jurisdictionCode) {
	}

	@org.springframework.modulith.NamedInterface("api")
	public record CaseDispatched(long caseId, long unitId) {
	}

	/** The time limit ran out: escalated to the unit's leader and the center. */
	@org.springframework.modulith.NamedInterface("api")
	public record CaseOverdue(long caseId, long unitId) {
	}

	@org.springframework.modulith.NamedInterface("api")
	public record CaseClosed(long caseId, boolean onTime) {
	}
}
