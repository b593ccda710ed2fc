package org.gridlink.inspection;

import org.gridlink.cases.CaseEvents.CaseClosed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A hand-off's case that the center closed itself (rather than through the group's verification) leaves the hand-off
 * rectified too. Idempotent: only an open hand-off of that case changes.
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
}
