package org.gridlink.cases;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * Where a handed-off case stands, for the module that opened it ({@link CaseManagement#progress}): its number, the
 * status's name, {@code awaitingVerification} (the unit fed back its fix), {@code closed} (verified or closed),
 * {@code ended} (voided, rejected or merged without being closed), the case clock's overdue flag, the lead unit, when
 * the unit last fed back and when the case closed.
 */
@org.springframework.modulith.NamedInterface("api")
public record HandOffProgress(long caseId, String number, String status, boolean awaitingVerification,
		boolean closed, boolean ended, boolean overdue, @Nullable Long leadUnitId, @Nullable OffsetDateTime handledAt,
		@Nullable OffsetDateTime closedAt) {
}
