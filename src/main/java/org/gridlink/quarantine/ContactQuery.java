package org.gridlink.quarantine;

import org.jspecify.annotations.Nullable;

/** Filters of the contacts list: name or full ID number/passport, a source, a jurisdiction. */
public record ContactQuery(@Nullable String q, @Nullable Long caseId, @Nullable Long eventId,
		@Nullable Long sourceContactId, @Nullable String jurisdiction) {

	public static ContactQuery all() {
		return new ContactQuery(null, null, null, null, null);
	}
}
