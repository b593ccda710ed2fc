package org.gridlink.inspection;

import org.gridlink.cases.CaseEvents.CaseClosed;
import org.gridlink.cases.CaseEvents.CaseEnded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A hand-off's case that the center closed itself (rather than through the group's verification) leaves the hand-off
 * rectified too; one voided, rejected or merged cancels the hand-off. Idempotent: only an open hand-off of that case
 * changes.
 */
@Component
class HandOffCases {

	private final Inspections inspections;

	HandOffCases(Inspections inspections) {
		this.inspections = inspections;
	}

	@ApplicationModuleListener(id = "inspection.case-closed")
	void on(CaseClosed closed) {
		inspections.caseClosed(closed.caseId());
	}

	/** A hand-off's case voided, rejected or merged away: the hand-off is cancelled (it leaves the open figures). */
	@ApplicationModuleListener(id = "inspection.case-ended")
	void on(CaseEnded ended) {
		inspections.caseEnded(ended.caseId());
	}
}
