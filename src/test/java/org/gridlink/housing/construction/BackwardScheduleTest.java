package org.gridlink.housing.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gridlink.housing.MilestoneKind;
import org.gridlink.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The backward schedule, pure: computed back from the hand-over date, moved with it, most specific duration wins. */
class BackwardScheduleTest {

	@Test
	void milestonesRunBackFromTheHandOverDate() {
		LocalDate handOver = LocalDate.of(2027, 6, 30);
		List<BackwardSchedule.Planned> plan = BackwardSchedule.plan(handOver, Map.of(MilestoneKind.ACCEPTANCE, 10,
				MilestoneKind.UTILITIES, 20, MilestoneKind.FINISHING, 30, MilestoneKind.ROOF, 15,
				MilestoneKind.STRUCTURE, 40, MilestoneKind.FOUNDATION, 25));
		assertThat(plan).extracting(BackwardSchedule.Planned::kind).containsExactly(MilestoneKind.values());
		assertThat(plan.get(5).end()).isEqualTo(handOver);
		assertThat(plan.get(5).start()).isEqualTo(LocalDate.of(2027, 6, 20));
		assertThat(plan.get(4).end()).isEqualTo(LocalDate.of(2027, 6, 20));
		assertThat(plan.get(4).start()).isEqualTo(LocalDate.of(2027, 5, 31));
		assertThat(plan.get(0).start()).isEqualTo(handOver.minusDays(140));
		for (int i = 1; i < plan.size(); i++) {
			assertThat(plan.get(i).start()).isEqualTo(plan.get(i - 1).end());
		}
	}

	@Test
	void movingTheHandOverDateMovesEveryPlannedDate() {
		LocalDate first = LocalDate.of(2027, 3, 1);
		List<BackwardSchedule.Planned> before = BackwardSchedule.plan(first, BackwardSchedule.DEFAULT_DAYS);
		List<BackwardSchedule.Planned> after = BackwardSchedule.plan(first.plusDays(21), BackwardSchedule.DEFAULT_DAYS);
		for (int i = 0; i < before.size(); i++) {
			assertThat(after.get(i).start()).isEqualTo(before.get(i).start().plusDays(21));
			assertThat(after.get(i).end()).isEqualTo(before.get(i).end().plusDays(21));
		}
		assertThat(before.get(0).start()).isEqualTo(first.minusDays(175));
	}

	@Test
	void theMostSpecificDurationWins() {
		Map<String, Integer> rows = Map.of("0:0:ROOF", 30, "7:0:ROOF", 12, "7:3:ROOF", 5);
		assertThat(BackwardSchedule.durationsFor(rows, 7, 3).get(MilestoneKind.ROOF)).isEqualTo(5);
		assertThat(BackwardSchedule.durationsFor(rows, 7, 2).get(MilestoneKind.ROOF)).isEqualTo(12);
		assertThat(BackwardSchedule.durationsFor(rows, 8, 1).get(MilestoneKind.ROOF)).isEqualTo(30);
		assertThat(BackwardSchedule.durationsFor(rows, 8, 1).get(MilestoneKind.FOUNDATION)).isEqualTo(30);
		assertThat(BackwardSchedule.durationsFor(Map.of(), 8, 1)).isEqualTo(BackwardSchedule.DEFAULT_DAYS);
	}

	@Test
	void lateAndStates() {
		var p = new BackwardSchedule.Planned(MilestoneKind.ROOF, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 20));
		LocalDate before = LocalDate.of(2026, 12, 20);
		assertThat(BackwardSchedule.state(p, null, null, before)).isEqualTo("PLANNED");
		assertThat(BackwardSchedule.state(p, null, null, LocalDate.of(2027, 1, 5))).isEqualTo("IN_PROGRESS");
		assertThat(BackwardSchedule.state(p, null, null, LocalDate.of(2027, 1, 21))).isEqualTo("LATE");
		assertThat(BackwardSchedule.late(p, null, LocalDate.of(2027, 1, 20))).isFalse();
		assertThat(BackwardSchedule.state(p, null, LocalDate.of(2027, 1, 20), LocalDate.of(2027, 2, 1)))
				.isEqualTo("REACHED");
		assertThat(BackwardSchedule.state(p, null, LocalDate.of(2027, 1, 22), LocalDate.of(2027, 2, 1)))
				.isEqualTo("REACHED_LATE");
		assertThat(BackwardSchedule.late(p, LocalDate.of(2027, 1, 22), LocalDate.of(2027, 2, 1))).isTrue();
	}

	@Test
	void durationsOutOfRangeAreRefused() {
		assertThatThrownBy(() -> BackwardSchedule.plan(LocalDate.of(2027, 1, 1), Map.of(MilestoneKind.ROOF, 0)))
				.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> BackwardSchedule.check(366)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> BackwardSchedule.check(null)).isInstanceOf(InvalidInputException.class);
		BackwardSchedule.check(365);
	}
}
