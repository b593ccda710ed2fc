package org.gridlink.dailyreport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * One place's report of one day, the aggregate: a community saves a draft and submits (before or after the deadline:
 * the first submission after it is late); its reviewer sends it back with a note or accepts it; a submitted or
 * accepted report is corrected with a reason (a new revision, reviewed again). Each step returns the report before and
 * after; nothing changes in place. {@code id} 0 is a report not saved yet (MISSING).
 */
record Submission(long id, long formId, String code, LocalDate date, ReportState state, Map<String, Object> values,
		int revision, boolean late, @Nullable String submittedBy, @Nullable OffsetDateTime submittedAt,
		@Nullable String reviewedBy, @Nullable OffsetDateTime reviewedAt, @Nullable String reviewNote, int version) {

	static final int MAX_NOTE = 500;

	enum Action {
		SAVE, SUBMIT, RETURN, ACCEPT, CORRECT
	}

	/** A step: before, after, what was done and the note or reason. */
	record Step(Submission before, Submission after, Action action, @Nullable String note) {
	}

	Submission {
		values = Map.copyOf(values);
	}

	static Submission missing(long formId, String code, LocalDate date) {
		return new Submission(0, formId, code, date, ReportState.MISSING, Map.of(), 1, false, null, null, null, null,
				null, 0);
	}

	Step save(Map<String, Object> newValues) {
		require(state == ReportState.MISSING || state == ReportState.DRAFT || state == ReportState.RETURNED, "save");
		return step(with(ReportState.DRAFT, newValues, revision, late, submittedBy, submittedAt, reviewNote),
				Action.SAVE, null);
	}

	Step submit(Map<String, Object> newValues, String by, OffsetDateTime now, OffsetDateTime deadline) {
		require(state == ReportState.MISSING || state == ReportState.DRAFT || state == ReportState.RETURNED, "submit");
		boolean lateNow = submittedAt == null ? now.isAfter(deadline) : late;
		return step(with(ReportState.SUBMITTED, newValues, revision, lateNow, by, now, reviewNote), Action.SUBMIT, null);
	}

	Step sendBack(@Nullable String note, String by, OffsetDateTime now) {
		require(state == ReportState.SUBMITTED, "return");
		String text = note(note, "dailyreport.note.required");
		return step(new Submission(id, formId, code, date, ReportState.RETURNED, values, revision, late, submittedBy,
				submittedAt, by, now, text, version), Action.RETURN, text);
	}

	Step accept(String by, OffsetDateTime now) {
		require(state == ReportState.SUBMITTED, "accept");
		return step(new Submission(id, formId, code, date, ReportState.ACCEPTED, values, revision, late, submittedBy,
				submittedAt, by, now, null, version), Action.ACCEPT, null);
	}

	Step correct(Map<String, Object> newValues, @Nullable String reason) {
		require(state == ReportState.SUBMITTED || state == ReportState.ACCEPTED, "correct");
		String text = note(reason, "dailyreport.reason.required");
		if (newValues.equals(values)) {
			throw new InvalidInputException("dailyreport.correct.unchanged");
		}
		return step(new Submission(id, formId, code, date, ReportState.SUBMITTED, newValues, revision + 1, late,
				submittedBy, submittedAt, null, null, null, version), Action.CORRECT, text);
	}

	private Submission with(ReportState newState, Map<String, Object> newValues, int newRevision, boolean newLate,
			@Nullable String by, @Nullable OffsetDateTime at, @Nullable String note) {
		return new Submission(id, formId, code, date, newState, newValues, newRevision, newLate, by, at, reviewedBy,
				reviewedAt, note, version);
	}

	private Step step(Submission after, Action action, @Nullable String note) {
		return new Step(this, after, action, note);
	}

	private void require(boolean allowed, String action) {
		if (!allowed) {
			throw new ConflictException("dailyreport.step.refused", new org.gridlink.platform.Word("dailyreport.action." + action),
					new org.gridlink.platform.Word("dailyreport.state." + state.name()));
		}
	}

	private static String note(@Nullable String text, String key) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(key);
		}
		if (text.strip().length() > MAX_NOTE) {
			throw new InvalidInputException("dailyreport.note.long", MAX_NOTE);
		}
		return text.strip();
	}
}
