package org.gridlink.housing.construction;

import org.gridlink.cases.CaseEvents.CaseClosed;
import org.gridlink.cases.CaseEvents.CaseEnded;
import org.gridlink.cases.CaseEvents.CaseReopened;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A site problem's case closed, ended or reopened: the problem leaves the wall chart or comes back. Idempotent. */
@Component
class ProblemCases {

	private final SiteProblems problems;

	ProblemCases(SiteProblems problems) {
		this.problems = problems;
	}

	@ApplicationModuleListener(id = "housing.case-closed")
	void on(CaseClosed closed) {
		problems.caseClosed(closed.caseId());
	}

	@ApplicationModuleListener(id = "housing.case-ended")
	void on(CaseEnded ended) {
		problems.caseEnded(ended.caseId());
	}

	@ApplicationModuleListener(id = "housing.case-reopened")
	void on(CaseReopened reopened) {
		problems.caseReopened(reopened.caseId());
	}
}
