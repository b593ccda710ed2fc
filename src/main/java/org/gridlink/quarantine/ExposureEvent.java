package org.gridlink.quarantine;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A source of exposure that is not a case: a gathering or a place at a time. */
public record ExposureEvent(long id, String name, String place, LocalDate occurredOn, String jurisdictionCode,
		String createdBy, OffsetDateTime createdAt) {
}
