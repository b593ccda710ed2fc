package org.gridlink.cases;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One step in a case's history: who did what, when, from which status to which, with the note. */
public record CaseEventView(long id, String action, @Nullable CaseStatus fromStatus, CaseStatus toStatus,
		String actor, @Nullable Long unitId, @Nullable String unitName, String note, OffsetDateTime at) {
}
