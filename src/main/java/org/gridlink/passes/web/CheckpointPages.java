package org.gridlink.passes.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridlink.passes.Checkpoint;
import org.gridlink.passes.CheckpointKind;
import org.gridlink.passes.CheckpointShifts;
import org.gridlink.passes.CheckpointShifts.Duty;
import org.gridlink.passes.CheckpointShifts.NewShift;
import org.gridlink.passes.Checkpoints;
import org.gridlink.passes.NewCheckpoint;
import org.gridlink.passes.ScanLog;
import org.gridlink.passes.ScanLog.DailyCount;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.CurrentUsers;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Checkpoint pages: the list in scope with today's counts (and a form for staff who set them up), and one
 * checkpoint with today's shifts, the last 14 days' counts and the entry/exit log of a day.
 */
@Controller
class CheckpointPages {

	private final Checkpoints checkpoints;
	private final CheckpointShifts shifts;
	private final ScanLog scans;
	private final MessageSource messages;
	private final ZoneId zone;

	CheckpointPages(Checkpoints checkpoints, CheckpointShifts shifts, ScanLog scans, MessageSource messages,
			@Value("${gridlink.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.checkpoints = checkpoints;
		this.shifts = shifts;
		this.scans = scans;
		this.messages = messages;
		this.zone = zone;
	}

	@GetMapping("/checkpoints")
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser user = CurrentUsers.current();
		LocalDate today = scans.today();
		model.addAttribute("page", checkpoints.list(user, ApiPaging.of(page, 50)));
		model.addAttribute("counts", scans.counts(user, null, today, today).stream()
				.collect(Collectors.toMap(DailyCount::checkpointId, Function.identity())));
		boolean manages = user.roles().stream().anyMatch(r -> r == Role.COMMUNITY || r == Role.STREET || r == Role.CENTER);
		model.addAttribute("manages", manages);
		if (manages) {
			model.addAttribute("compounds", checkpoints.compounds(user));
		}
		model.addAttribute("kinds", CheckpointKind.values());
		return "passes/checkpoints";
	}

	@PostMapping("/checkpoints")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) @Nullable CheckpointKind kind,
			@RequestParam(defaultValue = "") String jurisdictionCode,
			@RequestParam(required = false) @Nullable Long compoundId, Locale locale, RedirectAttributes redirect) {
		try {
			Checkpoint created = checkpoints.create(CurrentUsers.current(),
					new NewCheckpoint(name, kind, jurisdictionCode, compoundId, true));
			redirect.addFlashAttribute("flash", messages.getMessage("checkpoints.created", null, locale));
			return "redirect:/checkpoints/" + created.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", message(ex, locale));
			return "redirect:/checkpoints";
		}
	}

	@GetMapping("/checkpoints/{id}")
	String detail(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser user = CurrentUsers.current();
		Checkpoint checkpoint = checkpoints.get(user, id);
		LocalDate today = scans.today();
		LocalDate shown = day != null ? day : today;
		model.addAttribute("checkpoint", checkpoint);
		model.addAttribute("shifts", shifts.list(user, id, today.atStartOfDay(zone).toOffsetDateTime(),
				today.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
		model.addAttribute("counts", scans.counts(user, id, today.minusDays(13), today));
		model.addAttribute("day", shown);
		model.addAttribute("log", scans.log(user, id, shown, ApiPaging.of(page, 50)));
		model.addAttribute("manages", user.roles().stream()
				.anyMatch(r -> r == Role.COMMUNITY || r == Role.STREET || r == Role.CENTER)
				&& user.scope().covers(checkpoint.jurisdictionCode()));
		model.addAttribute("duties", Duty.values());
		model.addAttribute("zone", zone);
		model.addAttribute("defaultFrom", today.atTime(8, 0));
		model.addAttribute("defaultTo", today.atTime(20, 0));
		return "passes/checkpoint-detail";
	}

	@PostMapping("/checkpoints/{id}")
	String update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "false") boolean active, Locale locale, RedirectAttributes redirect) {
		CurrentUser user = CurrentUsers.current();
		Checkpoint checkpoint = checkpoints.get(user, id);
		try {
			checkpoints.update(user, id, new NewCheckpoint(name, checkpoint.kind(), checkpoint.jurisdictionCode(),
					checkpoint.compoundId(), active));
			redirect.addFlashAttribute("flash", messages.getMessage("checkpoints.saved", null, locale));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", message(ex, locale));
		}
		return "redirect:/checkpoints/" + id;
	}

	@PostMapping("/checkpoints/{id}/shifts")
	String addShift(@PathVariable long id, @RequestParam(required = false) @Nullable Duty duty,
			@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String phone,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime to,
			Locale locale, RedirectAttributes redirect) {
		try {
			shifts.add(CurrentUsers.current(), id, new NewShift(duty, username, name, phone,
					from == null ? null : from.atZone(zone).toOffsetDateTime(),
					to == null ? null : to.atZone(zone).toOffsetDateTime()));
			redirect.addFlashAttribute("flash", messages.getMessage("checkpoints.shift.added", null, locale));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", message(ex, locale));
		}
		return "redirect:/checkpoints/" + id;
	}

	@PostMapping("/checkpoints/{id}/shifts/{shiftId}/remove")
	String removeShift(@PathVariable long id, @PathVariable long shiftId, Locale locale, RedirectAttributes redirect) {
		shifts.remove(CurrentUsers.current(), shiftId);
		redirect.addFlashAttribute("flash", messages.getMessage("checkpoints.shift.removed", null, locale));
		return "redirect:/checkpoints/" + id;
	}

	private String message(InvalidInputException ex, Locale locale) {
		return messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
	}

}
