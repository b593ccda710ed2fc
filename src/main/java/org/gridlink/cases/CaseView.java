package org.gridlink.cases;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One case with its units, its full history and, while it is new, the near-duplicates it could be merged into.
 * {@code reporterContact} is masked. {@code workingMinutesLeft}: the working time left until the deadline, counted on
 * the working calendar (negative once overdue, frozen while the clock is stopped; null before dispatch).
 * {@code version} goes back with an action so a stale page is told to reload.
 */
public record CaseView(long id, String number, CaseStatus status, CaseSource source, String categoryCode,
		String categoryName, String description, String jurisdictionCode, @Nullable String jurisdictionName,
		String address, @Nullable Double lat, @Nullable Double lng, String reporter, String reporterContact,
		OffsetDateTime reportedAt, @Nullable OffsetDateTime handledAt, @Nullable OffsetDateTime closedAt,
		@Nullable Long leadUnitId, @Nullable String leadUnitName, List<UnitRef> assistingUnits,
		@Nullable Integer timeLimitMinutes, @Nullable OffsetDateTime deadlineAt, @Nullable Long workingMinutesLeft,
		@Nullable OffsetDateTime warnAt,
		boolean paused, @Nullable String pendingRequest, @Nullable Integer requestedMinutes, boolean warned,
		boolean overdue, @Nullable Boolean closedOnTime, int reworkCount, int extensionCount, int urgeCount,
		@Nullable Integer satisfaction, @Nullable Long mergedIntoId, int version, List<CaseEventView> history,
		List<Duplicate> possibleDuplicates, int dissatisfiedCount, boolean underReview) {

	/**
	 * True while the clock is paused and will run again (awaiting verification, a decision, resumption); a closed or
	 * final case keeps its stopped clock in the row but is not "paused".
	 */
	public boolean clockPaused() {
		return paused && !status.isClosed() && !status.isFinal();
	}

	/** The step this case waits for, offered first on its page; null when it waits for nothing. */
	public @Nullable CaseAction expectedStep() {
		return CaseLoop.expected(status, pendingRequest);
	}

	public record UnitRef(long id, String name) {
	}

	/** An open case of the same minor class reported within 100 m in the 24 hours before this one. */
	public record Duplicate(long id, String number, CaseStatus status, int distanceMeters,
			OffsetDateTime reportedAt) {
	}
}
