package org.gridlink.cases;

/**
 * What the loop tells other modules; ids only (the event registry keeps them small). No module consumes them yet:
 * each is kept for the command center module (its live board of the district's cases), which will listen with
 * {@code @ApplicationModuleListener}. Each is published by one step and tested in {@code CaseEventsTest}.
 */
@org.springframework.modulith.NamedInterface("api")
public final class CaseEvents {

	private CaseEvents() {
	}

	/** A new case was reported (by staff, a resident, an Open311 client or another module): the center's intake. */
	@org.springframework.modulith.NamedInterface("api")
	public record CaseReported(long caseId, String categoryCode, String jurisdictionCode) {
	}

	/** The case was dispatched to its lead unit; the time limit runs. */
	@org.springframework.modulith.NamedInterface("api")
	public record CaseDispatched(long caseId, long unitId) {
	}

	/** 80 % of the time limit has passed (the warning): the notices module tells the lead unit in its inbox. */
	@org.springframework.modulith.NamedInterface("api")
	public record CaseDeadlineNear(long caseId, long unitId) {
	}

	/** The time limit ran out: escalated to the unit's leader and the center. */
	@org.springframework.modulith.NamedInterface("api")
	public record CaseOverdue(long caseId, long unitId) {
	}

	/**
	 * The center closed the case; {@code onTime}: within its time limit; {@code reviews}: how many "not satisfied"
	 * ratings it had been reopened for before this closing (0 for the first closing, n after the n-th review).
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record CaseClosed(long caseId, boolean onTime, int reviews) {

		public CaseClosed(long caseId, boolean onTime) {
			this(caseId, onTime, 0);
		}
	}

	/**
	 * The case ended without a closure: rejected at intake, voided or merged into another case ({@code status}: the
	 * status it ended in). It no longer counts as open.
	 */
	@org.springframework.modulith.NamedInterface("api")
	public record CaseEnded(long caseId, String status) {
	}

	/** A closed case was reopened for review after a "not satisfied" rating: it counts as open again. */
	@org.springframework.modulith.NamedInterface("api")
	public record CaseReopened(long caseId) {
	}
}
