package org.gridlink.residents;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The columns of one resident row as stored: ID number and phone already hashed, encrypted and masked;
 * {@code copyText} is the same columns from {@code name} to {@code gender} already rendered for PostgreSQL's
 * {@code COPY} (see {@link CopyResidentRowWriter#render}), or null.
 */
record StoredResident(String district, String grid, long householdId, String name, String idNumberHash,
		String idNumberEnc, String idNumberMasked, @Nullable String phoneHash, @Nullable String phoneEnc,
		@Nullable String phoneMasked, LocalDate birthDate, int gender, @Nullable String copyText) {
}
