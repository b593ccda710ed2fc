package org.gridlink.cases;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.cases.CaseAction.*;
import static org.gridlink.cases.CaseStatus.*;

/** Every transition of the loop, and every status from which each action is refused. */
class CaseLoopTest {

	record Step(CaseStatus from, String pending, CaseAction action, boolean positive, CaseStatus to) {
	}

	static final List<Step> ALLOWED = List.of(
			new Step(REPORTED, null, FILE, true, FILED), new Step(REPORTED, null, REJECT, true, REJECTED),
			new Step(FILED, null, DISPATCH, true, DISPATCHED), new Step(DISPATCHED, null, ACCEPT, true, ACCEPTED),
			new Step(DISPATCHED, null, RETURN, true, FILED), new Step(ACCEPTED, null, RETURN, true, FILED),
			new Step(ACCEPTED, null, FEEDBACK, true, HANDLED), new Step(HANDLED, null, VERIFY, true, VERIFIED),
			new Step(HANDLED, null, VERIFY, false, ACCEPTED), new Step(VERIFIED, null, CLOSE, true, CLOSED),
			new Step(CLOSED, null, EVALUATE, true, EVALUATED), new Step(DISPATCHED, null, EXTEND, true, DISPATCHED),
			new Step(ACCEPTED, null, EXTEND, true, ACCEPTED),
			new Step(ACCEPTED, CaseLoop.EXTENSION, APPROVE_EXTENSION, true, ACCEPTED),
			new Step(ACCEPTED, CaseLoop.EXTENSION, APPROVE_EXTENSION, false, ACCEPTED),
			new Step(ACCEPTED, null, DEFER, true, ACCEPTED),
			new Step(ACCEPTED, CaseLoop.DEFERRAL, APPROVE_DEFERRAL, true, DEFERRED),
			new Step(ACCEPTED, CaseLoop.DEFERRAL, APPROVE_DEFERRAL, false, ACCEPTED),
			new Step(FILED, null, PARK, true, PARKED), new Step(ACCEPTED, null, PARK, true, PARKED),
			new Step(DISPATCHED, null, URGE, true, DISPATCHED), new Step(ACCEPTED, null, URGE, true, ACCEPTED),
			new Step(REPORTED, null, VOID, true, VOIDED), new Step(ACCEPTED, null, VOID, true, VOIDED),
			new Step(REPORTED, null, MERGE, true, MERGED), new Step(FILED, null, MERGE, true, MERGED));

	@Test
	void everyAllowedTransition() {
		for (Step step : ALLOWED) {
			assertThat(CaseLoop.next(step.from(), step.pending(), step.action(), step.positive(), null))
					.as(step.toString()).contains(step.to());
		}
		assertThat(CaseLoop.next(DEFERRED, null, RESUME, true, ACCEPTED)).contains(ACCEPTED);
		assertThat(CaseLoop.next(PARKED, null, RESUME, true, FILED)).contains(FILED);
	}

	@Test
	void everyOtherCombinationIsRefused() {
		List<String> wronglyAllowed = new ArrayList<>();
		for (CaseStatus from : CaseStatus.values()) {
			for (CaseAction action : CaseAction.values()) {
				if (action == RESUME || action == URGE) {
					continue;
				}
				boolean listed = ALLOWED.stream().anyMatch(s -> s.from() == from && s.action() == action
						&& s.pending() == null);
				if (!listed && CaseLoop.next(from, null, action, true, null).isPresent()
						&& !(action == VOID && !from.isFinal() && !from.isClosed())
						&& !(action == PARK && from == DISPATCHED)) {
					wronglyAllowed.add(action + " from " + from);
				}
			}
		}
		assertThat(wronglyAllowed).isEmpty();
		assertThat(CaseLoop.next(CLOSED, null, VOID, true, null)).as("a closed case cannot be voided").isEmpty();
		assertThat(CaseLoop.next(EVALUATED, null, URGE, true, null)).isEmpty();
		assertThat(CaseLoop.next(ACCEPTED, CaseLoop.EXTENSION, EXTEND, true, null)).as("one request at a time").isEmpty();
		assertThat(CaseLoop.next(ACCEPTED, CaseLoop.EXTENSION, RETURN, true, null)).isEmpty();
		assertThat(CaseLoop.next(ACCEPTED, null, APPROVE_EXTENSION, true, null)).as("nothing to approve").isEmpty();
		assertThat(CaseLoop.next(DEFERRED, null, RESUME, true, null)).isEmpty();
		assertThat(CaseLoop.next(ACCEPTED, null, RESUME, true, ACCEPTED)).isEmpty();
	}
}
