package org.gridlink.enterprise.support;

import java.time.LocalDate;
import java.util.Optional;

import org.gridlink.enterprise.support.FixTaskRule.Task;
import org.gridlink.enterprise.support.FixTaskRule.TaskStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one fix task of a finding, rule by rule, with the expected tasks written out. */
class FixTaskRuleTest {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	@Test
	void anOpenRedOrOrangeFindingGetsATaskDueInItsGradesDaysAndYellowNone() {
		assertThat(FixTaskRule.next(Risk.RED, true, null, TODAY))
				.contains(new Task(TaskStatus.OPEN, LocalDate.of(2026, 3, 25)));
		assertThat(FixTaskRule.next(Risk.ORANGE, true, null, TODAY))
				.contains(new Task(TaskStatus.OPEN, LocalDate.of(2026, 4, 9)));
		assertThat(FixTaskRule.next(Risk.YELLOW, true, null, TODAY)).isEmpty();
		assertThat(FixTaskRule.next(Risk.RED, false, null, TODAY)).isEmpty();
	}

	@Test
	void savingAgainChangesTheOneTask() {
		Task open = new Task(TaskStatus.OPEN, LocalDate.of(2026, 3, 20));
		// saved again later as red: the earlier due date stays
		assertThat(FixTaskRule.next(Risk.RED, true, open, TODAY)).contains(open);
		// re-graded orange: the due date does not move out
		assertThat(FixTaskRule.next(Risk.ORANGE, true, open, TODAY)).contains(open);
		// an orange task re-graded red: the red deadline when earlier
		Task orange = new Task(TaskStatus.OPEN, LocalDate.of(2026, 4, 9));
		assertThat(FixTaskRule.next(Risk.RED, true, orange, TODAY))
				.contains(new Task(TaskStatus.OPEN, LocalDate.of(2026, 3, 25)));
		// re-graded yellow: withdrawn, and back to red: open again with a new deadline
		Task withdrawn = FixTaskRule.next(Risk.YELLOW, true, open, TODAY).orElseThrow();
		assertThat(withdrawn).isEqualTo(new Task(TaskStatus.WITHDRAWN, LocalDate.of(2026, 3, 20)));
		assertThat(FixTaskRule.next(Risk.RED, true, withdrawn, TODAY))
				.contains(new Task(TaskStatus.OPEN, LocalDate.of(2026, 3, 25)));
	}

	@Test
	void theRevisitClosesOrReopens() {
		Task open = new Task(TaskStatus.OPEN, LocalDate.of(2026, 3, 20));
		Task done = new Task(TaskStatus.DONE, LocalDate.of(2026, 3, 20));
		assertThat(FixTaskRule.next(Risk.RED, false, open, TODAY)).contains(done);
		assertThat(FixTaskRule.next(Risk.ORANGE, true, done, TODAY))
				.isEqualTo(Optional.of(new Task(TaskStatus.OPEN, LocalDate.of(2026, 4, 9))));
	}
}
