package org.gridlink.cases;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A case as one line of a KPI drill-down or the duty desk queue; {@code /cases/{id}} shows the whole case. */
public record CaseLine(long id, String number, CaseStatus status, String categoryCode, String categoryName,
		String jurisdictionCode, String address, OffsetDateTime reportedAt, @Nullable OffsetDateTime deadlineAt,
		@Nullable OffsetDateTime closedAt, @Nullable Long leadUnitId, @Nullable String leadUnitName, boolean overdue) {

	/** The columns {@link CaseLines#map} reads, over alias {@code c}. */
	static final String COLUMNS = "c.id, c.number, c.status, c.category_code, c.jurisdiction_code, c.address, "
			+ "c.reported_at, c.deadline_at, c.closed_at, c.lead_unit_id, c.overdue";
}
