package org.gridlink.cases;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.gridlink.platform.ConflictException;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridlink.cases.CaseStatus.*;

/** The case aggregate without Spring or a database: each step's state, clock, history line and event. */
class CaseTest {

	static final WorkingCalendar CALENDAR = new WorkingCalendar(Map.of(), LocalTime.of(9, 0), LocalTime.of(17, 0),
			ZoneId.of("Asia/Shanghai"));

	/** 2026-11-{@code day} (23: a Monday), {@code hour}:{@code minute} in the district. */
	static Case.When at(int day, int hour, int minute) {
		return new Case.When(OffsetDateTime.of(2026, 11, day, hour, minute, 0, 0, ZoneOffset.ofHours(8)), CALENDAR);
	}

	static final Case.When MONDAY_10 = at(23, 10, 0);

	/** A case in {@code status}; with a unit (2) and a running 240-minute clock started Monday 10:00 when dispatched. */
	static Case a(CaseStatus status, @Nullable String pending, @Nullable CaseStatus resume) {
		boolean clocked = status.isWithUnit() || status == HANDLED || status == VERIFIED || status == DEFERRED
				|| status == CLOSED;
		OffsetDateTime start = MONDAY_10.now();
		return Case.of(new CaseFile(7, "320802", "20261123000007", status, CaseSource.GRID_WORKER, "E0101", "垃圾",
				"320802001001001", "金桥路 1 号", null, null, "grid1", "", start.minusHours(1), start.minusMinutes(30),
				clocked ? start : null, status == HANDLED || status == VERIFIED || status == CLOSED ? start : null,
				null, clocked ? 2L : null, clocked ? 240 : null, clocked ? start : null, 0, null,
				clocked ? CALENDAR.plus(start, 240) : null, clocked ? CALENDAR.plus(start, 192) : null, pending,
				CaseLoop.EXTENSION.equals(pending) ? 480 : null, resume, false, false, null, 0, 0, 0, null, null, 3, 0, false));
	}

	static Case a(CaseStatus status) {
		return a(status, null, null);
	}

	static String key(Runnable step) {
		try {
			step.run();
		}
		catch (UserFacingException refused) {
			return refused.messageKey();
		}
		throw new AssertionError("not refused");
	}

	@Test
	void theLoopFromFilingToEvaluation() {
		Case.Step filed = a(REPORTED).file("", "E0102", null, MONDAY_10);
		assertThat(filed.after().status()).isEqualTo(FILED);
		assertThat(filed.after().categoryCode()).isEqualTo("E0102");
		assertThat(filed.after().filedAt()).isEqualTo(MONDAY_10.now());

		Case.Step dispatched = filed.after().dispatch("", 2, 240, MONDAY_10);
		assertThat(dispatched.after().status()).isEqualTo(DISPATCHED);
		assertThat(dispatched.event()).isEqualTo(new CaseEvents.CaseDispatched(7, 2));
		assertThat(dispatched.note()).isEqualTo(" [unit=2]");
		assertThat(dispatched.after().deadlineAt()).as("4 working hours").isEqualTo(at(23, 14, 0).now());
		assertThat(dispatched.after().warnAt()).as("80 %").isEqualTo(at(23, 13, 12).now());

		Case accepted = dispatched.after().accept("", at(23, 11, 0)).after();
		Case.Step handled = accepted.feedback("已清运", at(23, 12, 0));
		assertThat(handled.after().status()).isEqualTo(HANDLED);
		assertThat(handled.after().clock().running()).as("waiting for verification stops the clock").isFalse();
		assertThat(handled.after().workingMinutesLeft(at(24, 16, 0))).as("frozen").isEqualTo(120);

		Case.Step rework = handled.after().verify(false, "仍有残留", at(23, 13, 0));
		assertThat(rework.after().status()).isEqualTo(ACCEPTED);
		assertThat(rework.after().reworkCount()).isEqualTo(1);
		assertThat(rework.after().deadlineAt()).as("moved by the hour it waited").isEqualTo(at(23, 15, 0).now());
		assertThat(rework.note()).isEqualTo("仍有残留 [rework]");

		Case verified = rework.after().feedback("已全部清理", at(23, 14, 0)).after().verify(true, "", at(23, 14, 30))
				.after();
		Case.Step closed = verified.close("", at(23, 15, 0));
		assertThat(closed.after().status()).isEqualTo(CLOSED);
		assertThat(closed.event()).isEqualTo(new CaseEvents.CaseClosed(7, true));
		Case.Step evaluated = closed.after().evaluate(3, "", at(23, 16, 0));
		assertThat(evaluated.after().status()).isEqualTo(EVALUATED);
		assertThat(evaluated.after().satisfaction()).isEqualTo(3);
		assertThat(evaluated.event()).isNull();
	}

	@Test
	void aStepLeavesTheCaseItStartedFromUnchanged() {
		Case accepted = a(ACCEPTED);
		Case.Step step = accepted.extend(8, "需要车辆", MONDAY_10);
		assertThat(step.before()).isSameAs(accepted);
		assertThat(accepted.pendingRequest()).isNull();
		assertThat(accepted.status()).isEqualTo(ACCEPTED);
		assertThat(step.after().pendingRequest()).isEqualTo(CaseLoop.EXTENSION);
		assertThat(step.after().version()).as("the version the write checks").isEqualTo(3);
	}

	@Test
	void anApprovedExtensionAddsTheHoursAndTheWaitToTheDeadline() {
		Case.Step asked = a(ACCEPTED).extend(8, "需要车辆", at(23, 11, 0));
		assertThat(asked.after().clock().running()).isFalse();
		assertThat(asked.note()).isEqualTo("需要车辆 [hours=8]");
		Case.Step approved = asked.after().approveExtension(true, "", at(23, 12, 0));
		assertThat(approved.after().pendingRequest()).isNull();
		assertThat(approved.after().requestedMinutes()).isNull();
		assertThat(approved.after().extensionCount()).isEqualTo(1);
		assertThat(approved.after().clock().limitMinutes()).isEqualTo(240 + 480);
		// 10:00 + (240 + 480 + 60 paused) working minutes = Monday 7 h (to 17:00) + Tuesday 6 h = Tuesday 15:00
		assertThat(approved.after().deadlineAt()).isEqualTo(at(24, 15, 0).now());
		Case declined = asked.after().approveExtension(false, "", at(23, 12, 0)).after();
		assertThat(declined.clock().limitMinutes()).isEqualTo(240);
		assertThat(declined.extensionCount()).isZero();
	}

	@Test
	void deferralParkAndResume() {
		Case deferred = a(ACCEPTED).defer("等待材料", MONDAY_10).after().approveDeferral(true, "", MONDAY_10).after();
		assertThat(deferred.status()).isEqualTo(DEFERRED);
		assertThat(deferred.resumeStatus()).isEqualTo(ACCEPTED);
		assertThat(deferred.pendingRequest()).isNull();
		Case resumed = deferred.resume("", at(23, 11, 0)).after();
		assertThat(resumed.status()).isEqualTo(ACCEPTED);
		assertThat(resumed.clock().running()).isTrue();
		Case parked = a(FILED).park("长期", MONDAY_10).after();
		assertThat(parked.status()).isEqualTo(PARKED);
		assertThat(parked.resume("", MONDAY_10).after().status()).isEqualTo(FILED);
	}

	@Test
	void returningToTheCenterDropsTheUnitAndTheClock() {
		Case returned = a(ACCEPTED).returnToCenter("非本单位职责", MONDAY_10).after();
		assertThat(returned.status()).isEqualTo(FILED);
		assertThat(returned.leadUnitId()).isNull();
		assertThat(returned.clock()).isNull();
		assertThat(returned.deadlineAt()).isNull();
		assertThat(returned.workingMinutesLeft(MONDAY_10)).isNull();
	}

	@Test
	void voidingWithdrawsAPendingRequestAndAVoidedCaseAcceptsNothing() {
		Case.Step voided = a(ACCEPTED, CaseLoop.EXTENSION, null).voidCase("重复", MONDAY_10);
		assertThat(voided.after().status()).isEqualTo(VOIDED);
		assertThat(voided.withdrawn()).isEqualTo(CaseLoop.EXTENSION);
		assertThat(voided.after().pendingRequest()).isNull();
		assertThat(voided.after().requestedMinutes()).isNull();
		assertThat(key(() -> voided.after().approveExtension(true, "", MONDAY_10)))
				.isEqualTo("cases.action.impossible");
		assertThat(a(ACCEPTED).voidCase("x", MONDAY_10).withdrawn()).as("nothing to withdraw").isNull();
		// a row voided before this rule (request still open) accepts no decision either
		Case stale = a(VOIDED, CaseLoop.DEFERRAL, null);
		assertThat(key(() -> stale.approveDeferral(true, "", MONDAY_10))).isEqualTo("cases.action.impossible");
		for (CaseAction action : CaseAction.values()) {
			assertThat(CaseLoop.next(VOIDED, CaseLoop.DEFERRAL, action, true, ACCEPTED)).as(action.path()).isEmpty();
		}
	}

	@Test
	void closingWithdrawsAPendingRequest() {
		Case.Step closed = a(VERIFIED, CaseLoop.DEFERRAL, null).close("", MONDAY_10);
		assertThat(closed.withdrawn()).isEqualTo(CaseLoop.DEFERRAL);
		assertThat(closed.after().pendingRequest()).isNull();
	}

	@Test
	void resumeNeverLeadsToAFinalStatus() {
		assertThat(key(() -> a(DEFERRED, null, VOIDED).resume("", MONDAY_10))).isEqualTo("cases.action.impossible");
		assertThat(key(() -> a(PARKED, null, null).resume("", MONDAY_10))).isEqualTo("cases.action.impossible");
	}

	@Test
	void aStepThatAPendingRequestBlocksNamesTheRequest() {
		Case extending = a(ACCEPTED, CaseLoop.EXTENSION, null);
		assertThat(key(() -> extending.feedback("done", MONDAY_10))).isEqualTo("cases.action.pending.EXTENSION");
		assertThat(key(() -> extending.returnToCenter("no", MONDAY_10))).isEqualTo("cases.action.pending.EXTENSION");
		assertThat(key(() -> extending.defer("wait", MONDAY_10))).isEqualTo("cases.action.pending.EXTENSION");
		Case deferring = a(ACCEPTED, CaseLoop.DEFERRAL, null);
		assertThat(key(() -> deferring.feedback("done", MONDAY_10))).isEqualTo("cases.action.pending.DEFERRAL");
		assertThat(key(() -> deferring.park("long", MONDAY_10))).isEqualTo("cases.action.pending.DEFERRAL");
		assertThat(key(() -> deferring.approveExtension(true, "", MONDAY_10))).isEqualTo("cases.action.impossible");
		assertThat(key(() -> a(REPORTED).feedback("done", MONDAY_10))).isEqualTo("cases.action.impossible");
		assertThat(extending.urge("", MONDAY_10).after().urgeCount()).as("urging is not blocked").isEqualTo(1);
	}

	@Test
	void notesAndValuesAreCheckedAfterTheStatus() {
		assertThat(key(() -> a(ACCEPTED).feedback("", MONDAY_10))).isEqualTo("cases.note.required");
		assertThat(key(() -> a(ACCEPTED).feedback("x".repeat(2001), MONDAY_10))).isEqualTo("cases.note.invalid");
		assertThat(key(() -> a(REPORTED).reject("", MONDAY_10))).isEqualTo("cases.note.required");
		assertThat(key(() -> a(REPORTED).close("", MONDAY_10))).isEqualTo("cases.action.impossible");
		assertThat(key(() -> a(ACCEPTED).extend(0, "x", MONDAY_10))).isEqualTo("cases.extension.hours.invalid");
		assertThat(key(() -> a(CLOSED).evaluate(4, "", MONDAY_10))).isEqualTo("cases.satisfaction.invalid");
		assertThatThrownBy(() -> a(HANDLED).close("", MONDAY_10)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> a(ACCEPTED).voidCase("", MONDAY_10)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aMergeChangesBothCasesAndOnlyIntoAnOpenCase() {
		Case target = a(ACCEPTED);
		Case source = Case.of(new CaseFile(8, "320802", "20261123000008", REPORTED, CaseSource.RESIDENT, "E0101",
				"垃圾", "320802001001001", "", null, null, "public", "", MONDAY_10.now(), null, null, null, null, null,
				null, null, 0, null, null, null, null, null, null, false, false, null, 0, 0, 0, null, null, 0, 0, false));
		Case.Merge merge = source.mergeInto(target, "同一处", MONDAY_10);
		assertThat(merge.merged().after().status()).isEqualTo(MERGED);
		assertThat(merge.merged().after().mergedIntoId()).isEqualTo(7);
		assertThat(merge.target().before()).isSameAs(target);
		assertThat(merge.target().after().status()).isEqualTo(ACCEPTED);
		assertThat(merge.target().after().version()).as("written under the target's version").isEqualTo(3);
		assertThat(merge.target().action()).isEqualTo("merged-in");
		assertThat(merge.target().note()).isEqualTo("20261123000008 同一处");
		for (CaseStatus closed : new CaseStatus[] { CLOSED, EVALUATED, VOIDED, MERGED, REJECTED }) {
			assertThat(key(() -> source.mergeInto(a(closed), "", MONDAY_10))).as(closed.name())
					.isEqualTo("cases.merge.target.closed");
		}
		assertThat(key(() -> source.mergeInto(source, "", MONDAY_10))).isEqualTo("cases.merge.target.invalid");
		assertThat(key(() -> target.mergeInto(source, "", MONDAY_10))).isEqualTo("cases.action.impossible");
	}

	@Test
	void workingMinutesLeftCountsWorkingTimeOnly() {
		Case dispatched = a(DISPATCHED);
		assertThat(dispatched.workingMinutesLeft(at(23, 11, 0))).isEqualTo(180);
		assertThat(dispatched.workingMinutesLeft(at(23, 13, 30))).isEqualTo(30);
		assertThat(dispatched.workingMinutesLeft(at(24, 8, 0))).as("overdue 14:00-17:00; the night does not count")
				.isEqualTo(-180);
		assertThat(dispatched.workingMinutesLeft(at(24, 10, 0))).isEqualTo(-240);
		assertThat(a(REPORTED).workingMinutesLeft(MONDAY_10)).isNull();
	}

	@Test
	void notSatisfiedReopensAClosedCaseForTheCentersReview() {
		Case closed = a(VERIFIED).close("已结案", MONDAY_10).after();
		assertThat(closed.closedAt()).isNotNull();
		Case.Step step = closed.reopenForReview("没有清理干净", at(23, 11, 0));
		Case reopened = step.after();
		assertThat(reopened.status()).isEqualTo(HANDLED);
		assertThat(reopened.satisfaction()).isEqualTo(1);
		assertThat(reopened.dissatisfiedCount()).isEqualTo(1);
		assertThat(reopened.underReview()).isTrue();
		assertThat(reopened.closedAt()).isNull();
		assertThat(reopened.closedOnTime()).isNull();
		assertThat(reopened.leadUnitId()).isEqualTo(2L);
		assertThat(step.action()).isEqualTo("reopen");
		assertThat(step.note()).isEqualTo("没有清理干净 [satisfaction=1]");
		assertThat(step.event()).isEqualTo(new CaseEvents.CaseReopened(closed.id()));
		// the case before the step is unchanged
		assertThat(closed.status()).isEqualTo(CLOSED);
		assertThat(closed.underReview()).isFalse();

		// the center's review: verification clears the mark, passed or not; a second "not satisfied" counts again
		Case passed = reopened.verify(true, "复核通过", at(23, 12, 0)).after();
		assertThat(passed.status()).isEqualTo(VERIFIED);
		assertThat(passed.underReview()).isFalse();
		Case again = passed.close("", at(23, 13, 0)).after().reopenForReview("", at(23, 14, 0)).after();
		assertThat(again.dissatisfiedCount()).isEqualTo(2);
		Case rework = reopened.verify(false, "返工", at(23, 12, 0)).after();
		assertThat(rework.status()).isEqualTo(ACCEPTED);
		assertThat(rework.underReview()).isFalse();
		assertThat(rework.reworkCount()).isEqualTo(1);
	}

	@Test
	void onlyAClosedCaseCanBeReopenedByARating() {
		for (CaseStatus status : new CaseStatus[] { REPORTED, FILED, DISPATCHED, ACCEPTED, HANDLED, VERIFIED, DEFERRED,
				PARKED, EVALUATED, REJECTED, VOIDED, MERGED }) {
			assertThatThrownBy(() -> a(status).reopenForReview("", MONDAY_10)).as(status.name())
					.isInstanceOf(ConflictException.class);
		}
		assertThat(CaseLoop.reopen(CLOSED)).contains(HANDLED);
		assertThat(CaseLoop.reopen(EVALUATED)).isEmpty();
		Case closed = a(VERIFIED).close("", MONDAY_10).after();
		assertThatThrownBy(() -> closed.reopenForReview("长".repeat(501), MONDAY_10))
				.isInstanceOf(InvalidInputException.class);
	}
}
