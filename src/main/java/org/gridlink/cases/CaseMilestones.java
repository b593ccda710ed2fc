package org.gridlink.cases;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * When a case passed the loop's milestones, for a module that keeps its own clock over cases it opened (the enterprise
 * module's green channel, {@link CaseManagement#milestones}): the status's name, when it was reported, first
 * dispatched, first accepted by a unit, last fed back and closed (null when not, or no longer: a reopened case has no
 * closing), the satisfaction rated (1–3), how often it was rated "not satisfied", and whether it waits for the
 * center's review after such a rating.
 */
@org.springframework.modulith.NamedInterface("api")
public record CaseMilestones(long caseId, String number, String status, OffsetDateTime reportedAt,
		@Nullable OffsetDateTime dispatchedAt, @Nullable OffsetDateTime acceptedAt,
		@Nullable OffsetDateTime handledAt, @Nullable OffsetDateTime closedAt, @Nullable Integer satisfaction,
		int dissatisfiedCount, boolean underReview, @Nullable Long leadUnitId) {

	/** True once the loop is closed (closed or evaluated). */
	public boolean closed() {
		return "CLOSED".equals(status) || "EVALUATED".equals(status);
	}

	/** True when the case ended without a closure (rejected, voided, merged). */
	public boolean ended() {
		return "REJECTED".equals(status) || "VOIDED".equals(status) || "MERGED".equals(status);
	}
}
