package org.gridlink.cases;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One rule for what the public sees of a case, on Open311 and on a resident's status page: the notes of the steps
 * that answer the reporter only (never filing, dispatch, urging or approval notes, never who acted), and the
 * description and photos only of reports the public made (a resident, an Open311 client) — never those written by
 * staff, the hotline, inspections or alerts.
 */
final class PublicCaseRule {

	/** The steps whose note is an answer to the reporter. */
	static final Set<String> NOTE_ACTIONS = Set.of("reject", "feedback", "close", "void", "merge",
			CaseSteps.REFERENCE);

	/** The sources whose description and photos are public. */
	static final Set<CaseSource> PUBLIC_SOURCES = EnumSet.of(CaseSource.RESIDENT, CaseSource.OPEN311);

	private PublicCaseRule() {
	}

	/** True when the case's own words and pictures (description, photos) may be shown to the public. */
	static boolean showsContent(CaseSource source) {
		return PUBLIC_SOURCES.contains(source);
	}

	/** The note of a step as the public may read it, or null. */
	static @Nullable String note(String action, @Nullable String note) {
		return NOTE_ACTIONS.contains(action) && note != null && !note.isBlank() ? note.strip() : null;
	}
}
