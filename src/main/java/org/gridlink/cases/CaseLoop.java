package org.gridlink.cases;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The rules of the loop: from which status an action may be taken and where it leads. Pure: who may take it is
 * {@link CaseAccess}'s business, the clock is {@link CaseClock}'s.
 */
final class CaseLoop {

	static final String EXTENSION = "EXTENSION";
	static final String DEFERRAL = "DEFERRAL";

	private static final Set<CaseStatus> WITH_UNIT = EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.ACCEPTED);

	private CaseLoop() {
	}

	/**
	 * The status after {@code action}, or empty when the action is impossible now. A final status accepts nothing; a
	 * request is pending only while the case is with its unit, and it blocks the steps that would leave it undecided
	 * (return, feedback, park, another request).
	 *
	 * @param pending the request awaiting approval ({@link #EXTENSION}, {@link #DEFERRAL}) or null
	 * @param positive for verify: passed; for the approvals: approved
	 * @param resumeStatus for resume: the status the case had before it was deferred or parked
	 */
	static Optional<CaseStatus> next(CaseStatus from, @Nullable String pending, CaseAction action, boolean positive,
			@Nullable CaseStatus resumeStatus) {
		if (from.isFinal()) {
			return Optional.empty();
		}
		CaseStatus to = switch (action) {
			case FILE -> from == CaseStatus.REPORTED ? CaseStatus.FILED : null;
			case REJECT -> from == CaseStatus.REPORTED ? CaseStatus.REJECTED : null;
			case DISPATCH -> from == CaseStatus.FILED ? CaseStatus.DISPATCHED : null;
			case ACCEPT -> from == CaseStatus.DISPATCHED ? CaseStatus.ACCEPTED : null;
			case RETURN -> WITH_UNIT.contains(from) && pending == null ? CaseStatus.FILED : null;
			case FEEDBACK -> from == CaseStatus.ACCEPTED && pending == null ? CaseStatus.HANDLED : null;
			case VERIFY -> from == CaseStatus.HANDLED ? (positive ? CaseStatus.VERIFIED : CaseStatus.ACCEPTED) : null;
			case CLOSE -> from == CaseStatus.VERIFIED ? CaseStatus.CLOSED : null;
			case EVALUATE -> from == CaseStatus.CLOSED ? CaseStatus.EVALUATED : null;
			case EXTEND -> WITH_UNIT.contains(from) && pending == null ? from : null;
			case APPROVE_EXTENSION -> EXTENSION.equals(pending) && WITH_UNIT.contains(from) ? from : null;
			case DEFER -> from == CaseStatus.ACCEPTED && pending == null ? from : null;
			case APPROVE_DEFERRAL -> DEFERRAL.equals(pending) && WITH_UNIT.contains(from)
					? (positive ? CaseStatus.DEFERRED : from) : null;
			case PARK -> (WITH_UNIT.contains(from) || from == CaseStatus.FILED) && pending == null
					? CaseStatus.PARKED : null;
			case RESUME -> (from == CaseStatus.DEFERRED || from == CaseStatus.PARKED) && resumeStatus != null
					&& !resumeStatus.isFinal() ? resumeStatus : null;
			case URGE -> WITH_UNIT.contains(from) || from == CaseStatus.DEFERRED || from == CaseStatus.PARKED
					|| from == CaseStatus.FILED || from == CaseStatus.REPORTED ? from : null;
			case VOID -> !from.isClosed() ? CaseStatus.VOIDED : null;
			case MERGE -> from == CaseStatus.REPORTED || from == CaseStatus.FILED ? CaseStatus.MERGED : null;
		};
		return Optional.ofNullable(to);
	}

	/**
	 * Where a "not satisfied" rating of the reporter takes the case: only a CLOSED case (not yet evaluated) goes back,
	 * to HANDLED for the center's review (verify again); anything else is empty.
	 */
	static Optional<CaseStatus> reopen(CaseStatus from) {
		return from == CaseStatus.CLOSED ? Optional.of(CaseStatus.HANDLED) : Optional.empty();
	}

	/**
	 * The step a case in {@code status} waits for: the one the page offers first. A pending request waits for its
	 * decision; a deferred or parked case for its resumption; a final case for nothing.
	 */
	static @Nullable CaseAction expected(CaseStatus status, @Nullable String pending) {
		if (EXTENSION.equals(pending)) {
			return CaseAction.APPROVE_EXTENSION;
		}
		if (DEFERRAL.equals(pending)) {
			return CaseAction.APPROVE_DEFERRAL;
		}
		return switch (status) {
			case REPORTED -> CaseAction.FILE;
			case FILED -> CaseAction.DISPATCH;
			case DISPATCHED -> CaseAction.ACCEPT;
			case ACCEPTED -> CaseAction.FEEDBACK;
			case HANDLED -> CaseAction.VERIFY;
			case VERIFIED -> CaseAction.CLOSE;
			case CLOSED -> CaseAction.EVALUATE;
			case DEFERRED, PARKED -> CaseAction.RESUME;
			case REJECTED, EVALUATED, VOIDED, MERGED -> null;
		};
	}
}
