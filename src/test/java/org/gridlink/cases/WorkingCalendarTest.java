package org.gridlink.cases;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SLA clock in working time: weekends, the 2026 National Day holiday and its make-up day, pauses. */
class WorkingCalendarTest {

	static final ZoneOffset CST = ZoneOffset.ofHours(8);

	/** 2026 around National Day: 10-01..07 holidays, Sunday 09-20 and Saturday 10-10 make-up working days. */
	final WorkingCalendar calendar = new WorkingCalendar(Map.of(
			LocalDate.of(2026, 10, 1), false, LocalDate.of(2026, 10, 2), false, LocalDate.of(2026, 10, 5), false,
			LocalDate.of(2026, 10, 6), false, LocalDate.of(2026, 10, 7), false, LocalDate.of(2026, 10, 10), true,
			LocalDate.of(2026, 9, 20), true), LocalTime.of(9, 0), LocalTime.of(17, 0), ZoneId.of("Asia/Shanghai"));

	static OffsetDateTime at(int month, int day, int hour, int minute) {
		return OffsetDateTime.of(2026, month, day, hour, minute, 0, 0, CST);
	}

	@Test
	void hoursWithinOneDay() {
		assertThat(calendar.plus(at(11, 25, 10, 0), 4 * 60)).isEqualTo(at(11, 25, 14, 0));
		assertThat(calendar.plus(at(11, 25, 7, 30), 60)).as("before work starts at 09:00").isEqualTo(at(11, 25, 10, 0));
		assertThat(calendar.plus(at(11, 25, 10, 0), 0)).isEqualTo(at(11, 25, 10, 0));
	}

	@Test
	void overAWeekend() {
		// Friday 2026-11-27 15:00 + 4 working hours: 2 h on Friday, then Monday 09:00 + 2 h
		assertThat(calendar.plus(at(11, 27, 15, 0), 4 * 60)).isEqualTo(at(11, 30, 11, 0));
		// reported on Saturday evening: the clock starts on Monday
		assertThat(calendar.plus(at(11, 28, 20, 0), 60)).isEqualTo(at(11, 30, 10, 0));
		assertThat(calendar.minutesBetween(at(11, 27, 15, 0), at(11, 30, 11, 0))).isEqualTo(240);
	}

	@Test
	void overTheNationalDayHolidayAndItsMakeUpDay() {
		// Wednesday 09-30 16:00 + 2 working days (960 min): 60 min on 09-30, holidays 10-01..07 (with the weekend),
		// 480 on Thursday 10-08, the last 420 on Friday 10-09 → 16:00
		assertThat(calendar.plus(at(9, 30, 16, 0), 2 * 480)).isEqualTo(at(10, 9, 16, 0));
		// 3 working days from the same start reach into the make-up Saturday 10-10
		assertThat(calendar.plus(at(9, 30, 16, 0), 3 * 480)).isEqualTo(at(10, 10, 16, 0));
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).as("holiday on a Monday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).as("make-up Sunday").isTrue();
	}

	@Test
	void aClockPausedByAnExtensionRequestMovesTheDeadline() {
		// dispatched Monday 11-23 09:00 with 8 working hours: due 17:00 the same day
		CaseClock clock = new CaseClock(at(11, 23, 9, 0), 480, 0, null);
		assertThat(clock.deadline(calendar)).isEqualTo(at(11, 23, 17, 0));
		assertThat(clock.warning(calendar)).as("80 %").isEqualTo(at(11, 23, 15, 24));
		// extension asked at 11:00, approved Tuesday 10:00 (6 + 1 = 7 working hours paused) for 4 more hours
		CaseClock paused = clock.pause(at(11, 23, 11, 0));
		assertThat(paused.used(at(11, 24, 9, 30), calendar)).as("the clock stands still while paused").isEqualTo(120);
		CaseClock resumed = paused.resume(at(11, 24, 10, 0), calendar).extend(240);
		assertThat(resumed.pausedMinutes()).isEqualTo(420);
		// 2 h used on Monday; 12 h granted → 10 h left from Tuesday 10:00: 7 h Tuesday, 3 h Wednesday → 12:00
		assertThat(resumed.deadline(calendar)).isEqualTo(at(11, 25, 12, 0));
	}
}
