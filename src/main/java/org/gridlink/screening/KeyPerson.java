package org.gridlink.screening;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A resident with an abnormal answer, to be followed up by its owner. The ID number is masked. */
public record KeyPerson(long campaignId, long residentId, long householdId, String gridCode, String name,
		String idNumber, String reasons, @Nullable String owner, OffsetDateTime foundAt) {
}
