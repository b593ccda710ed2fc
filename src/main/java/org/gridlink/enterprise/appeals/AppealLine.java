package org.gridlink.enterprise.appeals;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One appeal as lists show it: the enterprise, the class, how it was filed ({@code channel}: PUBLIC, LIAISON, API,
 * RECEPTION), the green-channel mark, the case's number and status (as the last sweep saw them), each step's deadline
 * and when it was met, the rating and the escalation level. The contact phone only masked.
 */
public record AppealLine(long id, long caseId, @Nullable String caseNumber, long enterpriseId, String enterpriseName,
		String creditCode, String categoryCode, String channel, boolean green, @Nullable String contactPhoneMasked,
		OffsetDateTime filedAt, OffsetDateTime respondDueAt, OffsetDateTime planDueAt, OffsetDateTime closeDueAt,
		@Nullable OffsetDateTime respondedAt, @Nullable OffsetDateTime plannedAt, @Nullable OffsetDateTime closedAt,
		boolean ended, String caseStatus, @Nullable Integer satisfaction, int dissatisfiedCount, int escalationLevel) {

	/** The step due now (null when closed or ended). */
	public @Nullable AppealStep currentStep() {
		return ended ? null : AppealClock.current(respondedAt, plannedAt, closedAt);
	}

	/** True when the current step is past its deadline. */
	public boolean overdue(OffsetDateTime now) {
		AppealStep step = currentStep();
		if (step == null) {
			return false;
		}
		return now.isAfter(switch (step) {
			case RESPOND -> respondDueAt;
			case PLAN -> planDueAt;
			case CLOSE -> closeDueAt;
		});
	}

	public boolean respondMet() {
		return AppealClock.met(respondedAt, respondDueAt);
	}

	public boolean planMet() {
		return AppealClock.met(plannedAt, planDueAt);
	}

	public boolean closeMet() {
		return AppealClock.met(closedAt, closeDueAt);
	}
}
