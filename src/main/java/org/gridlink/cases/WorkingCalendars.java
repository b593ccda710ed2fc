package org.gridlink.cases;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.SharedVersions;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working calendar: weekdays are working days, except the holidays and make-up working days listed per year
 * (from the State Council's yearly notice); the working day runs from {@code gridlink.cases.work-day-start} to
 * {@code gridlink.cases.work-day-end}. Edited by the center or the system admin. Kept in memory; an edit bumps the
 * shared version {@value #VERSION}, so the other instances read the calendar again within
 * {@code gridlink.cases.cache-check} (2 seconds).
 */
@Service
public class WorkingCalendars {

	/** A listed day: a holiday ({@code working} false) or a make-up working day ({@code working} true). */
	public record CalendarDay(LocalDate day, boolean working, String note) {
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final LocalTime dayStart;
	private final LocalTime dayEnd;
	private final ZoneId zone;
	static final String VERSION = "cases.working-calendar";

	private final AtomicReference<@Nullable WorkingCalendar> cache = new AtomicReference<>();
	private final SharedVersions versions;
	private final SharedVersions.Watch changes;

	WorkingCalendars(JdbcClient jdbc, AuditTrail audit,
			@Value("${gridlink.cases.work-day-start:09:00}") String dayStart,
			@Value("${gridlink.cases.work-day-end:17:00}") String dayEnd,
			@Value("${gridlink.time-zone:Asia/Shanghai}") String zone, SharedVersions versions,
			@Value("${gridlink.cases.cache-check:PT2S}") java.time.Duration checkEvery) {
		this.versions = versions;
		this.changes = versions.watch(VERSION, checkEvery);
		this.jdbc = jdbc;
		this.audit = audit;
		this.dayStart = LocalTime.parse(dayStart);
		this.dayEnd = LocalTime.parse(dayEnd);
		this.zone = ZoneId.of(zone);
	}

	WorkingCalendar current() {
		if (changes.changed()) {
			cache.set(null); // edited on another instance
		}
		WorkingCalendar calendar = cache.get();
		if (calendar == null) {
			Map<LocalDate, Boolean> days = new HashMap<>();
			jdbc.sql("SELECT calendar_date, working FROM working_calendar_day")
					.query((rs, i) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getBoolean(2))).list()
					.forEach(e -> days.put(e.getKey(), e.getValue()));
			calendar = new WorkingCalendar(days, dayStart, dayEnd, zone);
			cache.set(calendar);
		}
		return calendar;
	}

	public boolean isWorkingDay(LocalDate day) {
		return current().isWorkingDay(day);
	}

	public LocalTime dayStart() {
		return dayStart;
	}

	public LocalTime dayEnd() {
		return dayEnd;
	}

	/** The listed days of one year, in date order. */
	public List<CalendarDay> days(int year) {
		return jdbc.sql("SELECT calendar_date, working, note FROM working_calendar_day WHERE calendar_date BETWEEN ? AND ? ORDER BY calendar_date")
				.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
				.query((rs, i) -> new CalendarDay(rs.getObject(1, LocalDate.class), rs.getBoolean(2),
						rs.getString(3)))
				.list();
	}

	/** Lists a day as a holiday or a make-up working day (replacing what was listed for it). */
	@Transactional
	public void setDay(CurrentUser user, LocalDate day, boolean working, @Nullable String note) {
		requireEditor(user);
		String text = note == null ? "" : note.strip();
		if (text.length() > 50) {
			throw new InvalidInputException("cases.calendar.note.invalid");
		}
		jdbc.sql("DELETE FROM working_calendar_day WHERE calendar_date = ?").param(day).update();
		jdbc.sql("INSERT INTO working_calendar_day (calendar_date, working, note) VALUES (?, ?, ?)").params(day, working, text)
				.update();
		versions.bump(VERSION);
		cache.set(null);
		audit.record("CALENDAR_SET", "workingCalendar", day.toString(), AuditTrail.SUCCESS,
				(working ? "working" : "holiday") + (text.isEmpty() ? "" : " " + text));
	}

	/** Removes a listed day: it follows the weekday rule again. */
	@Transactional
	public void removeDay(CurrentUser user, LocalDate day) {
		requireEditor(user);
		jdbc.sql("DELETE FROM working_calendar_day WHERE calendar_date = ?").param(day).update();
		versions.bump(VERSION);
		cache.set(null);
		audit.record("CALENDAR_REMOVE", "workingCalendar", day.toString(), AuditTrail.SUCCESS, null);
	}

	private static void requireEditor(CurrentUser user) {
		if (!user.hasAny(Role.ADMIN, Role.CENTER)) {
			throw new AccessDeniedException("the working calendar is edited by the center or the system admin");
		}
	}
}
