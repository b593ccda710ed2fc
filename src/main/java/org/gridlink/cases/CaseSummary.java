package org.gridlink.cases;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A case in lists: enough to recognise it and see whether it is in time. */
public record CaseSummary(long id, String number, CaseStatus status, CaseSource source, String categoryCode,
		String categoryName, String description, String jurisdictionCode, String address, @Nullable Long leadUnitId,
		@Nullable String leadUnitName, OffsetDateTime reportedAt, @Nullable OffsetDateTime deadlineAt,
		boolean warned, boolean overdue, boolean paused, @Nullable String pendingRequest) {

	/** True while the clock is paused and will run again; a closed or final case's clock has stopped for good. */
	public boolean clockPaused() {
		return paused && !status.isClosed() && !status.isFinal();
	}
}
