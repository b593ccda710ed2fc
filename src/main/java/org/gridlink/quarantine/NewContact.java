package org.gridlink.quarantine;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A close contact to record. The source is a case ({@code caseId}), an exposure event ({@code eventId}) or another
 * contact ({@code sourceContactId}, a contact of a contact). The person is identified by name and a national ID
 * number or passport; an ID number that belongs to a registered resident links the resident (and their grid). For a
 * non-resident {@code gridCode} is the grid responsible for them (in the caller's scope). {@code jurisdictionCode}
 * is where the contact is reported (default: the person's grid when in scope, else the caller's own jurisdiction).
 */
public record NewContact(@Nullable SourceKind sourceKind, @Nullable Long caseId, @Nullable Long eventId,
		@Nullable Long sourceContactId, @Nullable String name, @Nullable IdKind idKind, @Nullable String idNumber,
		@Nullable String phone, @Nullable String gridCode, @Nullable String address, @Nullable LocalDate exposureDate,
		@Nullable ExposureType exposureType, @Nullable RiskLevel riskLevel, @Nullable String jurisdictionCode,
		@Nullable String note) {
}
