package org.gridlink.cases;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One history step as people read it: the step ({@code action}, for its message key), who took it by name and unit,
 * the step's details in words (source, unit dispatched to, verification outcome, rating, hours asked, decision) and
 * the note the person wrote. Built from a {@link CaseEventView} by {@link CaseHistoryLines}; the raw row stays as it is.
 */
public record CaseHistoryLine(long id, String action, CaseStatus toStatus, OffsetDateTime at, String who,
		@Nullable String whoUnit, List<String> details, String note) {
}
