package org.gridlink.quarantine;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A close contact with its person (ID number masked) and source. {@code reports} counts the reports merged into it;
 * {@code merged} is true in the answer to a report that was merged into an existing contact.
 */
public record ContactView(long id, long personId, String personName, String personIdNumber, String gridCode,
		SourceKind sourceKind, @Nullable Long caseId, @Nullable Long eventId, @Nullable Long sourceContactId,
		int generation, LocalDate exposureDate, ExposureType exposureType, RiskLevel riskLevel,
		String jurisdictionCode, String note, String reportedBy, OffsetDateTime reportedAt, int reports,
		boolean merged) {

	ContactView asMerged() {
		return new ContactView(id, personId, personName, personIdNumber, gridCode, sourceKind, caseId, eventId,
				sourceContactId, generation, exposureDate, exposureType, riskLevel, jurisdictionCode, note, reportedBy,
				reportedAt, reports, true);
	}
}
