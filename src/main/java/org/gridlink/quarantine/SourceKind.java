package org.gridlink.quarantine;

/** What a close contact was exposed to: a case, an exposure event, or another contact (contact of a contact). */
public enum SourceKind {
	CASE, EVENT, CONTACT
}
