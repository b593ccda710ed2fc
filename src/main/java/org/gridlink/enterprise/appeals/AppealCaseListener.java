package org.gridlink.enterprise.appeals;

import java.util.List;

import org.gridlink.cases.CaseEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the appeals' clocks with the case loop: a dispatch, closing or ending refreshes the appeal's steps (a case that
 * is not an appeal changes nothing); a closing starts the follow-up; a reopening after "not satisfied" escalates.
 * Idempotent: every change is a conditional update and every note has its key. Acceptance and feedback raise no event;
 * {@link AppealSweep} picks them up.
 */
@Component
class AppealCaseListener {

	private final Appeals appeals;

	AppealCaseListener(Appeals appeals) {
		this.appeals = appeals;
	}

	@ApplicationModuleListener(id = "enterprise.appeal-case-dispatched")
	void on(CaseEvents.CaseDispatched event) {
		if (appeals.isAppeal(event.caseId())) {
			appeals.refresh(List.of(event.caseId()));
		}
	}

	@ApplicationModuleListener(id = "enterprise.appeal-case-closed")
	void on(CaseEvents.CaseClosed event) {
		if (appeals.isAppeal(event.caseId())) {
			appeals.closed(event.caseId(), event.reviews());
		}
	}

	@ApplicationModuleListener(id = "enterprise.appeal-case-ended")
	void on(CaseEvents.CaseEnded event) {
		if (appeals.isAppeal(event.caseId())) {
			appeals.refresh(List.of(event.caseId()));
		}
	}

	@ApplicationModuleListener(id = "enterprise.appeal-case-reopened")
	void on(CaseEvents.CaseReopened event) {
		if (appeals.isAppeal(event.caseId())) {
			appeals.reopened(event.caseId());
		}
	}
}
