package org.gridlink.cases;

import java.time.OffsetDateTime;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Word;
import org.jspecify.annotations.Nullable;

/**
 * One case as the loop sees it (the aggregate): its status, clock, pending request and counters, and the steps that
 * move it. Each step checks that the case allows it now ({@link CaseLoop}) and returns a {@link Step}: the case after
 * the step, the history line and the event it raises. The case itself never changes. No Spring and no database:
 * {@link CaseSteps} loads the case, resolves what needs a service (routing rule, category limit, units, the working
 * calendar) into plain values, calls one step and writes the result with one versioned UPDATE.
 */
final class Case {

	static final int MAX_NOTE = 2000;

	/** The longest comment a reporter may add to a rating. */
	static final int MAX_RATING_NOTE = 500;

	/** The history action of a "not satisfied" rating that reopened the case for the center's review. */
	static final String REOPEN = "reopen";

	/** The time of a step and the working calendar its clock counts in. */
	record When(OffsetDateTime now, WorkingCalendar calendar) {
	}

	/**
	 * What a step did: the case {@code before} and {@code after}, the history line ({@code action}, {@code note}),
	 * the event for other modules (or null) and the pending request it withdrew (or null).
	 */
	record Step(Case before, Case after, String action, String note, @Nullable Object event,
			@Nullable String withdrawn) {
	}

	/** A merge changes both cases: the merged one and the one it was merged into. */
	record Merge(Step merged, Step target) {
	}

	private final long id;
	private final String number;
	private final String districtCode;
	private final int version;
	private CaseStatus status;
	private String categoryCode;
	private String jurisdictionCode;
	private @Nullable OffsetDateTime filedAt;
	private @Nullable OffsetDateTime dispatchedAt;
	private @Nullable OffsetDateTime handledAt;
	private @Nullable OffsetDateTime closedAt;
	private @Nullable Long leadUnitId;
	private @Nullable CaseClock clock;
	private @Nullable OffsetDateTime deadlineAt;
	private @Nullable OffsetDateTime warnAt;
	private @Nullable String pendingRequest;
	private @Nullable Integer requestedMinutes;
	private @Nullable CaseStatus resumeStatus;
	private boolean warned;
	private boolean overdue;
	private @Nullable Boolean closedOnTime;
	private int reworkCount;
	private int extensionCount;
	private int urgeCount;
	private @Nullable Integer satisfaction;
	private @Nullable Long mergedIntoId;
	private int dissatisfiedCount;
	private boolean underReview;

	private Case(CaseFile f) {
		id = f.id();
		number = f.number();
		districtCode = f.districtCode();
		version = f.version();
		status = f.status();
		categoryCode = f.categoryCode();
		jurisdictionCode = f.jurisdictionCode();
		filedAt = f.filedAt();
		dispatchedAt = f.dispatchedAt();
		handledAt = f.handledAt();
		closedAt = f.closedAt();
		leadUnitId = f.leadUnitId();
		clock = f.clock();
		deadlineAt = f.deadlineAt();
		warnAt = f.warnAt();
		pendingRequest = f.pendingRequest();
		requestedMinutes = f.requestedMinutes();
		resumeStatus = f.resumeStatus();
		warned = f.warned();
		overdue = f.overdue();
		closedOnTime = f.closedOnTime();
		reworkCount = f.reworkCount();
		extensionCount = f.extensionCount();
		urgeCount = f.urgeCount();
		satisfaction = f.satisfaction();
		mergedIntoId = f.mergedIntoId();
		dissatisfiedCount = f.dissatisfiedCount();
		underReview = f.underReview();
	}

	private Case(Case c) {
		id = c.id;
		number = c.number;
		districtCode = c.districtCode;
		version = c.version;
		status = c.status;
		categoryCode = c.categoryCode;
		jurisdictionCode = c.jurisdictionCode;
		filedAt = c.filedAt;
		dispatchedAt = c.dispatchedAt;
		handledAt = c.handledAt;
		closedAt = c.closedAt;
		leadUnitId = c.leadUnitId;
		clock = c.clock;
		deadlineAt = c.deadlineAt;
		warnAt = c.warnAt;
		pendingRequest = c.pendingRequest;
		requestedMinutes = c.requestedMinutes;
		resumeStatus = c.resumeStatus;
		warned = c.warned;
		overdue = c.overdue;
		closedOnTime = c.closedOnTime;
		reworkCount = c.reworkCount;
		extensionCount = c.extensionCount;
		urgeCount = c.urgeCount;
		satisfaction = c.satisfaction;
		mergedIntoId = c.mergedIntoId;
		dissatisfiedCount = c.dissatisfiedCount;
		underReview = c.underReview;
	}

	static Case of(CaseFile row) {
		return new Case(row);
	}

	// ---- the checks every step makes first

	/**
	 * The status {@code action} leads to, or a 409 saying why not: the pending request when it is what stands in the
	 * way, else the status.
	 */
	CaseStatus allow(CaseAction action, boolean positive) {
		var to = CaseLoop.next(status, pendingRequest, action, positive, resumeStatus);
		if (to.isPresent()) {
			return to.get();
		}
		if (pendingRequest != null && CaseLoop.next(status, null, action, positive, resumeStatus).isPresent()) {
			throw new ConflictException("cases.action.pending." + pendingRequest, new Word("cases.action." + action.path()));
		}
		throw new ConflictException("cases.action.impossible", new Word("cases.action." + action.path()),
				new Word("cases.status." + status.name()));
	}

	/** The note of a step, stripped; 400 when too long or missing where the loop requires one. */
	static String note(CaseAction action, @Nullable String raw) {
		String note = raw == null ? "" : raw.strip();
		if (note.length() > MAX_NOTE) {
			throw new InvalidInputException("cases.note.invalid");
		}
		if (note.isEmpty() && needsNote(action)) {
			throw new InvalidInputException("cases.note.required", action.path());
		}
		return note;
	}

	private static boolean needsNote(CaseAction action) {
		return switch (action) {
			case REJECT, RETURN, FEEDBACK, EXTEND, DEFER, PARK, VOID -> true;
			default -> false;
		};
	}

	// ---- the steps

	/** 立案, optionally re-classified ({@code categoryCode}) or placed on a grid ({@code jurisdictionCode}). */
	Step file(String note, @Nullable String categoryCode, @Nullable String jurisdictionCode, When at) {
		Case next = begin(CaseAction.FILE, true, note);
		next.filedAt = at.now();
		if (categoryCode != null) {
			next.categoryCode = categoryCode;
		}
		if (jurisdictionCode != null) {
			next.jurisdictionCode = jurisdictionCode;
		}
		return next.end(this, CaseAction.FILE, note, "", null, at);
	}

	Step reject(String note, When at) {
		return simple(CaseAction.REJECT, note, at, new CaseEvents.CaseEnded(id, CaseStatus.REJECTED.name()));
	}

	/** 派遣 to {@code leadUnitId}; the clock starts with {@code limitMinutes} of working time. */
	Step dispatch(String note, long leadUnitId, long limitMinutes, When at) {
		Case next = begin(CaseAction.DISPATCH, true, note);
		next.leadUnitId = leadUnitId;
		next.dispatchedAt = at.now();
		next.clock = new CaseClock(at.now(), limitMinutes, 0, null);
		next.warned = false;
		next.overdue = false;
		return next.end(this, CaseAction.DISPATCH, note, "unit=" + leadUnitId,
				new CaseEvents.CaseDispatched(id, leadUnitId), at);
	}

	Step accept(String note, When at) {
		return simple(CaseAction.ACCEPT, note, at);
	}

	/** 回退: the unit gives the case back to the center; the clock and the units go. */
	Step returnToCenter(String note, When at) {
		Case next = begin(CaseAction.RETURN, true, note);
		next.leadUnitId = null;
		next.clock = null;
		next.deadlineAt = null;
		next.warnAt = null;
		next.warned = false;
		next.overdue = false;
		return next.end(this, CaseAction.RETURN, note, "", null, at);
	}

	/** 处置反馈: the clock stops until verification. Refused while a request is pending (decide it first). */
	Step feedback(String note, When at) {
		Case next = begin(CaseAction.FEEDBACK, true, note);
		next.handledAt = at.now();
		next.pause(at);
		return next.end(this, CaseAction.FEEDBACK, note, "", null, at);
	}

	/** 核查: passed, or back to the unit for rework (the clock runs again). */
	Step verify(boolean passed, String note, When at) {
		Case next = begin(CaseAction.VERIFY, passed, note);
		next.underReview = false;
		if (!passed) {
			next.reworkCount++;
			next.resume(at);
		}
		return next.end(this, CaseAction.VERIFY, note, passed ? "passed" : "rework", null, at);
	}

	/** 结案: on time when the last feedback came before the deadline. */
	Step close(String note, When at) {
		Case next = begin(CaseAction.CLOSE, true, note);
		next.closedAt = at.now();
		next.closedOnTime = handledAt != null && (deadlineAt == null || !handledAt.isAfter(deadlineAt));
		return next.end(this, CaseAction.CLOSE, note, "", new CaseEvents.CaseClosed(id, next.closedOnTime,
				next.dissatisfiedCount), at);
	}

	/** 评价, 1 (dissatisfied) to 3 (satisfied). */
	Step evaluate(@Nullable Integer satisfaction, String note, When at) {
		Case next = begin(CaseAction.EVALUATE, true, note);
		if (satisfaction == null || satisfaction < 1 || satisfaction > 3) {
			throw new InvalidInputException("cases.satisfaction.invalid");
		}
		next.satisfaction = satisfaction;
		return next.end(this, CaseAction.EVALUATE, note, "satisfaction=" + satisfaction, null, at);
	}

	/**
	 * The reporter rated the handling "not satisfied" (1) through the rating link: the case leaves CLOSED for the
	 * center's review ({@link CaseLoop#reopen}) — back to HANDLED, marked under review, so the center verifies the
	 * handling again (passed: close again; not passed: rework by the unit). The rating is kept on the case and counted
	 * for the lead unit ({@code dissatisfiedCount}); the case is no longer closed, so the closure figures drop too.
	 * The clock stays stopped, as for any handled case waiting for verification.
	 */
	Step reopenForReview(String note, When at) {
		CaseStatus to = CaseLoop.reopen(status).orElseThrow(() -> new ConflictException("cases.rating.closed",
				new Word("cases.status." + status.name())));
		if (note.length() > MAX_RATING_NOTE) {
			throw new InvalidInputException("cases.rating.comment.invalid", MAX_RATING_NOTE);
		}
		Case next = new Case(this);
		next.status = to;
		next.satisfaction = 1;
		next.dissatisfiedCount++;
		next.underReview = true;
		next.closedAt = null;
		next.closedOnTime = null;
		return next.end(this, REOPEN, false, note, "satisfaction=1", new CaseEvents.CaseReopened(id), at);
	}

	/** 延期申请 for {@code hours} working hours: the clock stops until the center decides. */
	Step extend(@Nullable Integer hours, String note, When at) {
		Case next = begin(CaseAction.EXTEND, true, note);
		if (hours == null || hours < 1 || hours > 2000) {
			throw new InvalidInputException("cases.extension.hours.invalid");
		}
		next.pendingRequest = CaseLoop.EXTENSION;
		next.requestedMinutes = hours * 60;
		next.pause(at);
		return next.end(this, CaseAction.EXTEND, note, "hours=" + hours, null, at);
	}

	/** The center decides on the extension; the clock runs again, with the hours added if approved. */
	Step approveExtension(boolean approved, String note, When at) {
		Case next = begin(CaseAction.APPROVE_EXTENSION, approved, note);
		next.resume(at);
		if (approved && next.clock != null && requestedMinutes != null) {
			next.clock = next.clock.extend(requestedMinutes);
			next.extensionCount++;
		}
		next.pendingRequest = null;
		next.requestedMinutes = null;
		return next.end(this, CaseAction.APPROVE_EXTENSION, note, approved ? "approved" : "declined", null, at);
	}

	/** 缓办申请: the clock stops until the center decides. */
	Step defer(String note, When at) {
		Case next = begin(CaseAction.DEFER, true, note);
		next.pendingRequest = CaseLoop.DEFERRAL;
		next.pause(at);
		return next.end(this, CaseAction.DEFER, note, "", null, at);
	}

	/** The center decides on the deferral: DEFERRED (the clock stays stopped) or back to work (it runs again). */
	Step approveDeferral(boolean approved, String note, When at) {
		Case next = begin(CaseAction.APPROVE_DEFERRAL, approved, note);
		next.pendingRequest = null;
		if (approved) {
			next.resumeStatus = status;
		}
		else {
			next.resume(at);
		}
		return next.end(this, CaseAction.APPROVE_DEFERRAL, note, approved ? "approved" : "declined", null, at);
	}

	/** 挂账: the clock stops until resumed. */
	Step park(String note, When at) {
		Case next = begin(CaseAction.PARK, true, note);
		next.resumeStatus = status;
		next.pause(at);
		return next.end(this, CaseAction.PARK, note, "", null, at);
	}

	/** Back to the status before it was deferred or parked; the clock runs again. */
	Step resume(String note, When at) {
		Case next = begin(CaseAction.RESUME, true, note);
		next.resumeStatus = null;
		next.resume(at);
		return next.end(this, CaseAction.RESUME, note, "", null, at);
	}

	/** 督办/催办. */
	Step urge(String note, When at) {
		Case next = begin(CaseAction.URGE, true, note);
		next.urgeCount++;
		return next.end(this, CaseAction.URGE, note, "", null, at);
	}

	/** 作废 (final); a pending request is withdrawn with it. */
	Step voidCase(String note, When at) {
		return simple(CaseAction.VOID, note, at, new CaseEvents.CaseEnded(id, CaseStatus.VOIDED.name()));
	}

	/**
	 * Merges this case into {@code target}, an open case: this one becomes MERGED, the target records the merge as a
	 * step of its own (so it is written under its version, like any step: a concurrent step on it wins or loses).
	 */
	Merge mergeInto(Case target, String note, When at) {
		Case next = begin(CaseAction.MERGE, true, note);
		if (target.id == id) {
			throw new InvalidInputException("cases.merge.target.invalid");
		}
		if (target.status.isFinal() || target.status.isClosed()) {
			throw new ConflictException("cases.merge.target.closed", target.number,
					new Word("cases.status." + target.status.name()));
		}
		next.mergedIntoId = target.id;
		Step merged = next.end(this, CaseAction.MERGE, note, "", new CaseEvents.CaseEnded(id, CaseStatus.MERGED.name()),
				at);
		Step mergedIn = new Step(target, new Case(target), "merged-in",
				number + (note.isEmpty() ? "" : " " + note), null, null);
		return new Merge(merged, mergedIn);
	}

	// ---- how a step is made

	private Step simple(CaseAction action, String note, When at) {
		return simple(action, note, at, null);
	}

	private Step simple(CaseAction action, String note, When at, @Nullable Object event) {
		return begin(action, true, note).end(this, action, note, "", event, at);
	}

	/** Checks the step and the note, and starts the case after it: a copy in the new status. */
	private Case begin(CaseAction action, boolean positive, String note) {
		CaseStatus to = allow(action, positive);
		note(action, note);
		Case next = new Case(this);
		next.status = to;
		return next;
	}

	/**
	 * Finishes the step: a final or closed case settles a pending request; a running or stopped clock moves the
	 * deadline and the warning (a mark stays only while its time has passed).
	 */
	private Step end(Case before, CaseAction action, String note, String detail, @Nullable Object event, When at) {
		return end(before, action.path(), action == CaseAction.DISPATCH, note, detail, event, at);
	}

	private Step end(Case before, String action, boolean dispatch, String note, String detail, @Nullable Object event,
			When at) {
		String withdrawn = null;
		if ((status.isFinal() || status.isClosed()) && pendingRequest != null) {
			withdrawn = pendingRequest;
			pendingRequest = null;
			requestedMinutes = null;
		}
		if (clock != null) {
			OffsetDateTime deadline = clock.deadline(at.calendar());
			OffsetDateTime warning = clock.warning(at.calendar());
			deadlineAt = deadline;
			warnAt = warning;
			if (!dispatch) {
				overdue = before.overdue && at.now().isAfter(deadline);
				warned = before.warned && !at.now().isBefore(warning);
			}
		}
		return new Step(before, this, action, note + (detail.isEmpty() ? "" : " [" + detail + "]"), event,
				withdrawn);
	}

	private void pause(When at) {
		clock = clock == null ? null : clock.pause(at.now());
	}

	private void resume(When at) {
		clock = clock == null ? null : clock.resume(at.now(), at.calendar());
	}

	/** Working minutes left until the deadline (negative once overdue); null without a clock. */
	@Nullable
	Long workingMinutesLeft(When at) {
		return clock == null ? null : clock.limitMinutes() - clock.used(at.now(), at.calendar());
	}

	// ---- what is written

	long id() {
		return id;
	}

	String number() {
		return number;
	}

	String districtCode() {
		return districtCode;
	}

	int version() {
		return version;
	}

	CaseStatus status() {
		return status;
	}

	String categoryCode() {
		return categoryCode;
	}

	String jurisdictionCode() {
		return jurisdictionCode;
	}

	@Nullable OffsetDateTime filedAt() {
		return filedAt;
	}

	@Nullable OffsetDateTime dispatchedAt() {
		return dispatchedAt;
	}

	@Nullable OffsetDateTime handledAt() {
		return handledAt;
	}

	@Nullable OffsetDateTime closedAt() {
		return closedAt;
	}

	@Nullable Long leadUnitId() {
		return leadUnitId;
	}

	@Nullable CaseClock clock() {
		return clock;
	}

	@Nullable OffsetDateTime deadlineAt() {
		return deadlineAt;
	}

	@Nullable OffsetDateTime warnAt() {
		return warnAt;
	}

	@Nullable String pendingRequest() {
		return pendingRequest;
	}

	@Nullable Integer requestedMinutes() {
		return requestedMinutes;
	}

	@Nullable CaseStatus resumeStatus() {
		return resumeStatus;
	}

	boolean warned() {
		return warned;
	}

	boolean overdue() {
		return overdue;
	}

	@Nullable Boolean closedOnTime() {
		return closedOnTime;
	}

	int reworkCount() {
		return reworkCount;
	}

	int extensionCount() {
		return extensionCount;
	}

	int urgeCount() {
		return urgeCount;
	}

	@Nullable Integer satisfaction() {
		return satisfaction;
	}

	@Nullable Long mergedIntoId() {
		return mergedIntoId;
	}

	int dissatisfiedCount() {
		return dissatisfiedCount;
	}

	boolean underReview() {
		return underReview;
	}
}
