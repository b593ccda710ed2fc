package org.gridlink.quarantine.web;

import java.time.LocalDate;

import org.gridlink.quarantine.ExposureType;
import org.gridlink.quarantine.IdKind;
import org.gridlink.quarantine.NewContact;
import org.gridlink.quarantine.RiskLevel;
import org.gridlink.quarantine.SourceKind;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The contact form as posted (bound by Spring); the module checks it when it becomes a {@link NewContact}. */
record ContactForm(@Nullable SourceKind sourceKind, @Nullable Long caseId, @Nullable Long eventId,
		@Nullable Long sourceContactId, @Nullable String name, @Nullable IdKind idKind, @Nullable String idNumber,
		@Nullable String phone, @Nullable String gridCode, @Nullable String address,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate exposureDate,
		@Nullable ExposureType exposureType, @Nullable RiskLevel riskLevel, @Nullable String jurisdictionCode,
		@Nullable String note) {

	/** The contact to record: only the source of the chosen kind, a blank jurisdiction as none. */
	NewContact toNewContact() {
		return new NewContact(sourceKind, sourceKind == SourceKind.CASE ? caseId : null,
				sourceKind == SourceKind.EVENT ? eventId : null, sourceKind == SourceKind.CONTACT ? sourceContactId : null,
				text(name), idKind, text(idNumber), text(phone), text(gridCode), text(address), exposureDate,
				exposureType, riskLevel, text(jurisdictionCode).isBlank() ? null : text(jurisdictionCode), text(note));
	}

	/** The form sent back into the page after an error: as typed, except the ID number. */
	NewContact refill() {
		return new NewContact(sourceKind, caseId, eventId, sourceContactId, text(name), idKind, "", text(phone),
				text(gridCode), text(address), exposureDate, exposureType, riskLevel, text(jurisdictionCode), text(note));
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}
}
