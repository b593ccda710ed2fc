package org.gridlink.dailyreport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One place's report of one day as read: state, values (field key to value), revision, whether it was handed in
 * late, who submitted and reviewed it and the review note; {@code id} 0 when nothing is saved yet (MISSING), then
 * the values are the pre-filled ones. {@code prefilled} names the fields GridLink filled in; {@code actions} what the
 * reader may do now ({@code save}, {@code submit}, {@code return}, {@code accept}, {@code correct}).
 */
@org.springframework.modulith.NamedInterface("api")
public record SubmissionView(long id, long formId, String jurisdictionCode, String jurisdictionName, LocalDate date,
		ReportState state, Map<String, Object> values, List<String> prefilled, int revision, boolean late,
		@Nullable String submittedBy, @Nullable OffsetDateTime submittedAt, @Nullable String reviewedBy,
		@Nullable OffsetDateTime reviewedAt, @Nullable String reviewNote, int version, List<String> actions) {
}
