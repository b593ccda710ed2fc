package org.gridlink.passes.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

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
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
	String list(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		LocalDate today = scans.today();
		model.addAttribute("page", checkpoints.list(user, ApiPaging.of(page, 50)));
		model.addAttribute("counts", scans.counts(user, null, today, today).stream()
				.collect(Collectors.toMap(DailyCount::checkpointId, Function.identity())));
		boolean manages = checkpoints.canManage(user);
		model.addAttribute("manages", manages);
		if (manages) {
			model.addAttribute("compounds", checkpoints.compounds(user));
		}
		model.addAttribute("kinds", CheckpointKind.values());
		return "passes/checkpoints";
	}

	/** The set-up form of a checkpoint: a road checkpoint at a jurisdiction, or a gate of a compound. */
	record CheckpointForm(@Nullable String name, @Nullable CheckpointKind kind, @Nullable String jurisdictionCode,
			@Nullable Long compoundId) {
	}

	@PostMapping("/checkpoints")
	String create(CurrentUser user, @Valid @ModelAttribute CheckpointForm form, Locale locale,
			RedirectAttributes redirect) {
		try {
			Checkpoint created = checkpoints.create(user,
					new NewCheckpoint(form.name(), form.kind(), form.jurisdictionCode(), form.compoundId(), true));
			redirect.addFlashAttribute("flash", messages.getMessage("checkpoints.created", null, locale));
			return "redirect:/checkpoints/" + created.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", message(ex, locale));
			return "redirect:/checkpoints";
		}
	}

	@GetMapping("/checkpoints/{id}")
	String detail(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Checkpoint checkpoint = checkpoints.get(user, id);
		LocalDate today = scans.today();
		LocalDate shown = day != null ? day : today;
		model.addAttribute("checkpoint", checkpoint);
		model.addAttribute("shifts", shifts.list(user, id, today.atStartOfDay(zone).toOffsetDateTime(),
				today.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
		model.addAttribute("counts", scans.counts(user, id, today.minusDays(13), today));
		model.addAttribute("day", shown);
		model.addAttribute("log", scans.log(user, id, shown, ApiPaging.of(page, 50)));
		model.addAttribute("manages", checkpoints.canManage(user, checkpoint));
		model.addAttribute("volunteers", checkpoints.canManage(user, checkpoint) ? shifts.volunteers(user, id, null)
				: java.util.List.of());
		model.addAttribute("duties", Duty.values());
		model.addAttribute("zone", zone);
		model.addAttribute("defaultFrom", today.atTime(8, 0));
		model.addAttribute("defaultTo", today.atTime(20, 0));
		return "passes/checkpoint-detail";
	}

	@PostMapping("/checkpoints/{id}")
	String update(CurrentUser user, @PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "false") boolean active, Locale locale, RedirectAttributes redirect) {
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

	/** A shift as typed in the form: times in the district's time zone. */
	record ShiftForm(@Nullable Duty duty, @Nullable String username, @Nullable String name, @Nullable String phone,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime to,
			@Nullable Long volunteerId) {

		NewShift toShift(ZoneId zone) {
			return new NewShift(duty, username, name, phone, from == null ? null : from.atZone(zone).toOffsetDateTime(),
					to == null ? null : to.atZone(zone).toOffsetDateTime(), volunteerId);
		}
	}

	@PostMapping("/checkpoints/{id}/shifts")
	String addShift(CurrentUser user, @PathVariable long id, @Valid @ModelAttribute ShiftForm form, Locale locale,
			RedirectAttributes redirect) {
		try {
			shifts.add(user, id, form.toShift(zone));
			redirect.addFlashAttribute("flash", messages.getMessage("checkpoints.shift.added", null, locale));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", message(ex, locale));
		}
		return "redirect:/checkpoints/" + id;
	}

	@PostMapping("/checkpoints/{id}/shifts/{shiftId}/remove")
	String removeShift(CurrentUser user, @PathVariable long id, @PathVariable long shiftId, Locale locale, RedirectAttributes redirect) {
		shifts.remove(user, shiftId);
		redirect.addFlashAttribute("flash", messages.getMessage("checkpoints.shift.removed", null, locale));
		return "redirect:/checkpoints/" + id;
	}

	private String message(InvalidInputException ex, Locale locale) {
		return messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
	}

}
