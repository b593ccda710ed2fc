package org.gridlink.dailyreport;

import java.time.OffsetDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One line of a report's history: the revision, what was done ({@code SAVE}, {@code SUBMIT}, {@code RETURN},
 * {@code ACCEPT}, {@code CORRECT}), the state after it, the values of that revision, the note or reason, who and when.
 */
@org.springframework.modulith.NamedInterface("api")
public record HistoryLine(int revision, String action, ReportState state, Map<String, Object> values,
		@Nullable String note, String by, OffsetDateTime at) {
}
