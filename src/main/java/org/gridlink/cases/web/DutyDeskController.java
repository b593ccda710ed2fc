package org.gridlink.cases.web;

import java.time.DayOfWeek;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gridlink.cases.DutyRoster;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The duty desk: the week's roster (the center adds and removes shifts) and the queue the operator on duty works —
 * new reports first, then filed cases waiting for dispatch, then overdue cases — refreshed every 30 seconds.
 */
@Controller
class DutyDeskController {

	static final int QUEUE_LINES = 50;

	private final DutyRoster roster;
	private final MessageSource messages;
	private final Clock clock;

	DutyDeskController(DutyRoster roster, MessageSource messages, Clock clock) {
		this.clock = clock;
		this.roster = roster;
		this.messages = messages;
	}

	/** One day of the roster: the shifts that overlap it. */
	record Day(LocalDate date, List<DutyRoster.DutyShift> shifts) {
	}

	@GetMapping("/cases/duty")
	String page(@RequestParam(required = false) @Nullable String week, CurrentUser user, Model model) {
		require(user);
		LocalDate today = LocalDate.now(clock);
		LocalDate monday = monday(week, today);
		List<DutyRoster.DutyShift> shifts = roster.shifts(user, monday, monday.plusDays(6));
		List<Day> days = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			LocalDate date = monday.plusDays(i);
			OffsetDateTime start = date.atStartOfDay(roster.zone()).toOffsetDateTime();
			OffsetDateTime end = date.plusDays(1).atStartOfDay(roster.zone()).toOffsetDateTime();
			days.add(new Day(date, shifts.stream()
					.filter(s -> s.startsAt().isBefore(end) && s.endsAt().isAfter(start)).toList()));
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		model.addAttribute("days", days);
		model.addAttribute("monday", monday);
		model.addAttribute("previousWeek", monday.minusWeeks(1));
		model.addAttribute("nextWeek", monday.plusWeeks(1));
		model.addAttribute("today", today);
		model.addAttribute("zone", roster.zone());
		model.addAttribute("onDuty", roster.isOnDuty(user, now));
		model.addAttribute("onDutyNow", roster.onDuty(now));
		model.addAttribute("canEdit", DutyRoster.canEdit(user));
		if (DutyRoster.canEdit(user)) {
			model.addAttribute("operators", roster.operators(user));
		}
		model.addAttribute("queue", roster.queue(user, QUEUE_LINES));
		return "cases/duty";
	}

	/** The queue alone, for the page's 30-second refresh. */
	@GetMapping("/cases/duty/queue")
	String queue(CurrentUser user, Model model) {
		require(user);
		model.addAttribute("queue", roster.queue(user, QUEUE_LINES));
		return "cases/duty :: queue";
	}

	@PostMapping("/cases/duty/shifts")
	String add(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String startsAt,
			@RequestParam(defaultValue = "") String endsAt, @RequestParam(defaultValue = "") String note,
			CurrentUser user, RedirectAttributes redirect, Locale locale) {
		require(user);
		LocalDate week = LocalDate.now(clock);
		try {
			OffsetDateTime from = time(startsAt);
			OffsetDateTime to = time(endsAt);
			week = from == null ? week : from.atZoneSameInstant(roster.zone()).toLocalDate();
			roster.add(user, username, from, to, note);
			redirect.addFlashAttribute("message", messages.getMessage("cases.duty.added", new Object[] { username },
					locale));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(),
					locale));
			redirect.addFlashAttribute("form", new String[] { username, startsAt, endsAt, note });
		}
		redirect.addAttribute("week", week.toString());
		return "redirect:/cases/duty";
	}

	@PostMapping("/cases/duty/shifts/{id}/delete")
	String remove(@PathVariable long id, @RequestParam(required = false) @Nullable String week,
			CurrentUser user, RedirectAttributes redirect, Locale locale) {
		roster.remove(require(user), id);
		redirect.addFlashAttribute("message", messages.getMessage("cases.duty.removed", null, locale));
		if (week != null && !week.isBlank()) {
			redirect.addAttribute("week", week);
		}
		return "redirect:/cases/duty";
	}

	private @Nullable OffsetDateTime time(String value) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(roster.zone()).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("cases.duty.time.format", value);
		}
	}

	private static LocalDate monday(@Nullable String week, LocalDate today) {
		LocalDate day = today;
		if (week != null && !week.isBlank()) {
			try {
				day = LocalDate.parse(week.strip());
			}
			catch (DateTimeParseException ex) {
				day = today;
			}
		}
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	private static CurrentUser require(CurrentUser user) {
		if (!DutyRoster.canRead(user)) {
			throw new AccessDeniedException("the duty desk is the center's");
		}
		return user;
	}
}
