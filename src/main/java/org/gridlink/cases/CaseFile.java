package org.gridlink.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One row of {@code case_file} as the module works with it. */
record CaseFile(long id, String districtCode, String number, CaseStatus status, CaseSource source,
		String categoryCode, String description, String jurisdictionCode, String address, @Nullable Double lat,
		@Nullable Double lng, String reporter, String reporterContact, OffsetDateTime reportedAt,
		@Nullable OffsetDateTime filedAt, @Nullable OffsetDateTime dispatchedAt, @Nullable OffsetDateTime handledAt,
		@Nullable OffsetDateTime closedAt, @Nullable Long leadUnitId,
		@Nullable Integer timeLimitMinutes, @Nullable OffsetDateTime clockStartedAt, int pausedMinutes,
		@Nullable OffsetDateTime pausedSince, @Nullable OffsetDateTime deadlineAt, @Nullable OffsetDateTime warnAt,
		@Nullable String pendingRequest, @Nullable Integer requestedMinutes, @Nullable CaseStatus resumeStatus,
		boolean warned, boolean overdue, @Nullable Boolean closedOnTime, int reworkCount, int extensionCount,
		int urgeCount, @Nullable Integer satisfaction, @Nullable Long mergedIntoId, int version,
		int dissatisfiedCount, boolean underReview) {

	static final String COLUMNS = """
			id, district_code, number, status, source, category_code, description, jurisdiction_code, address, lat, lng,
			reporter, reporter_contact, reported_at, filed_at, dispatched_at, handled_at, closed_at, lead_unit_id, time_limit_minutes,
			clock_started_at, paused_minutes, paused_since, deadline_at, warn_at, pending_request, requested_minutes,
			resume_status, warned, overdue, closed_on_time, rework_count, extension_count, urge_count, satisfaction,
			merged_into_id, version, dissatisfied_count, under_review""";

	static CaseFile map(ResultSet rs, int row) throws SQLException {
		String resume = rs.getString("resume_status");
		return new CaseFile(rs.getLong("id"), rs.getString("district_code"), rs.getString("number"),
				CaseStatus.valueOf(rs.getString("status")), CaseSource.valueOf(rs.getString("source")),
				rs.getString("category_code"), rs.getString("description"), rs.getString("jurisdiction_code"),
				rs.getString("address"), rs.getObject("lat", Double.class), rs.getObject("lng", Double.class),
				rs.getString("reporter"), rs.getString("reporter_contact"),
				rs.getObject("reported_at", OffsetDateTime.class), rs.getObject("filed_at", OffsetDateTime.class),
				rs.getObject("dispatched_at", OffsetDateTime.class), rs.getObject("handled_at", OffsetDateTime.class),
				rs.getObject("closed_at", OffsetDateTime.class), rs.getObject("lead_unit_id", Long.class),
				rs.getObject("time_limit_minutes", Integer.class),
				rs.getObject("clock_started_at", OffsetDateTime.class), rs.getInt("paused_minutes"),
				rs.getObject("paused_since", OffsetDateTime.class), rs.getObject("deadline_at", OffsetDateTime.class),
				rs.getObject("warn_at", OffsetDateTime.class), rs.getString("pending_request"),
				rs.getObject("requested_minutes", Integer.class), resume == null ? null : CaseStatus.valueOf(resume),
				rs.getBoolean("warned"), rs.getBoolean("overdue"), rs.getObject("closed_on_time", Boolean.class),
				rs.getInt("rework_count"), rs.getInt("extension_count"), rs.getInt("urge_count"),
				rs.getObject("satisfaction", Integer.class), rs.getObject("merged_into_id", Long.class),
				rs.getInt("version"), rs.getInt("dissatisfied_count"), rs.getBoolean("under_review"));
	}

	@Nullable
	CaseClock clock() {
		if (clockStartedAt == null || timeLimitMinutes == null) {
			return null;
		}
		return new CaseClock(clockStartedAt, timeLimitMinutes, pausedMinutes, pausedSince);
	}
}
