package org.gridlink.cases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * Working time: Monday to Friday from {@code dayStart} to {@code dayEnd} in the district's time zone, except the
 * listed days (public holidays are not working days, make-up days on a weekend are). Pure: no Spring, no database.
 */
final class WorkingCalendar {

	/** Far enough for any time limit; stops a loop on a calendar with no working day at all. */
	private static final int MAX_DAYS = 3_660;

	private final Map<LocalDate, Boolean> exceptions;
	private final LocalTime dayStart;
	private final LocalTime dayEnd;
	private final ZoneId zone;

	WorkingCalendar(Map<LocalDate, Boolean> exceptions, LocalTime dayStart, LocalTime dayEnd, ZoneId zone) {
		if (!dayEnd.isAfter(dayStart)) {
			throw new IllegalArgumentException("The working day must end after it starts");
		}
		this.exceptions = Map.copyOf(exceptions);
		this.dayStart = dayStart;
		this.dayEnd = dayEnd;
		this.zone = zone;
	}

	boolean isWorkingDay(LocalDate day) {
		Boolean listed = exceptions.get(day);
		if (listed != null) {
			return listed;
		}
		DayOfWeek dow = day.getDayOfWeek();
		return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
	}

	/** Working minutes in one working day, e.g. 480 for 09:00–17:00. */
	long minutesPerDay() {
		return Duration.between(dayStart, dayEnd).toMinutes();
	}

	/** The instant {@code minutes} of working time after {@code from}. */
	OffsetDateTime plus(OffsetDateTime from, long minutes) {
		LocalDateTime t = from.atZoneSameInstant(zone).toLocalDateTime();
		long remaining = minutes * 60;
		for (int i = 0; i < MAX_DAYS; i++) {
			LocalDate day = t.toLocalDate();
			if (isWorkingDay(day)) {
				LocalDateTime start = day.atTime(dayStart);
				LocalDateTime end = day.atTime(dayEnd);
				if (t.isBefore(start)) {
					t = start;
				}
				if (t.isBefore(end)) {
					long available = Duration.between(t, end).toSeconds();
					if (remaining <= available) {
						return t.plusSeconds(remaining).atZone(zone).toOffsetDateTime();
					}
					remaining -= available;
				}
			}
			if (remaining == 0) {
				return t.atZone(zone).toOffsetDateTime();
			}
			t = day.plusDays(1).atStartOfDay();
		}
		throw new IllegalStateException("No working time within " + MAX_DAYS + " days");
	}

	/** Working minutes (rounded down) between two instants; 0 when {@code to} is not after {@code from}. */
	long minutesBetween(OffsetDateTime from, OffsetDateTime to) {
		if (!to.isAfter(from)) {
			return 0;
		}
		LocalDateTime a = from.atZoneSameInstant(zone).toLocalDateTime();
		LocalDateTime b = to.atZoneSameInstant(zone).toLocalDateTime();
		long seconds = 0;
		for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
			if (!isWorkingDay(day)) {
				continue;
			}
			LocalDateTime start = max(day.atTime(dayStart), a);
			LocalDateTime end = min(day.atTime(dayEnd), b);
			if (end.isAfter(start)) {
				seconds += Duration.between(start, end).toSeconds();
			}
		}
		return seconds / 60;
	}

	private static LocalDateTime max(LocalDateTime x, LocalDateTime y) {
		return x.isAfter(y) ? x : y;
	}

	private static LocalDateTime min(LocalDateTime x, LocalDateTime y) {
		return x.isBefore(y) ? x : y;
	}
}
