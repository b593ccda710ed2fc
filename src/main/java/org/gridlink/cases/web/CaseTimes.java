package org.gridlink.cases.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.gridlink.cases.CaseStatus;
import org.gridlink.cases.WorkingCalendars;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Times as the case pages show them: {@code yyyy-MM-dd HH:mm} in Asia/Shanghai, the time-limit state of a case
 * (normal, warning, overdue, closed, paused) and the working time left until its deadline.
 */
@Component
public final class CaseTimes {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	private static final int MAX_DAYS = 800;

	private final WorkingCalendars calendars;
	private final Clock clock;

	CaseTimes(WorkingCalendars calendars, Clock clock) {
		this.calendars = calendars;
		this.clock = clock;
	}

	/** {@code 2026-03-01 08:05}, or an empty string for no time. */
	public String format(@Nullable OffsetDateTime time) {
		return time == null ? "" : MINUTES.format(time.atZoneSameInstant(ZONE));
	}

	/** The colour class of a case: closed (grey), overdue (red), warning (orange) or normal (green). */
	public static String state(CaseStatus status, boolean warned, boolean overdue) {
		if (status.isFinal() || status.isClosed()) {
			return "closed";
		}
		return overdue ? "overdue" : warned ? "warning" : "normal";
	}

	/** {@link #state} for templates. */
	public String stateOf(CaseStatus status, boolean warned, boolean overdue) {
		return state(status, warned, overdue);
	}

	/**
	 * Working minutes between now and the deadline: positive while time is left, negative once overdue (the working
	 * time since the deadline).
	 */
	public long workingMinutesLeft(OffsetDateTime deadline) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		return now.isBefore(deadline) ? workingMinutes(now, deadline) : -workingMinutes(deadline, now);
	}

	/** {@code 3 h 20 min} style text of a number of minutes, in the page's language. */
	public static String hoursAndMinutes(long minutes, boolean english) {
		long m = Math.abs(minutes);
		long h = m / 60;
		return english ? (h > 0 ? h + " h " : "") + (m % 60) + " min" : (h > 0 ? h + " 小时 " : "") + (m % 60) + " 分钟";
	}

	long workingMinutes(OffsetDateTime from, OffsetDateTime to) {
		ZonedDateTime start = from.atZoneSameInstant(ZONE);
		ZonedDateTime end = to.atZoneSameInstant(ZONE);
		long total = 0;
		LocalDate day = start.toLocalDate();
		for (int i = 0; i < MAX_DAYS && !day.isAfter(end.toLocalDate()); i++, day = day.plusDays(1)) {
			if (!calendars.isWorkingDay(day)) {
				continue;
			}
			ZonedDateTime open = day.atTime(calendars.dayStart()).atZone(ZONE);
			ZonedDateTime close = day.atTime(calendars.dayEnd()).atZone(ZONE);
			ZonedDateTime a = start.isAfter(open) ? start : open;
			ZonedDateTime b = end.isBefore(close) ? end : close;
			if (b.isAfter(a)) {
				total += Duration.between(a, b).toMinutes();
			}
		}
		return total;
	}
}
