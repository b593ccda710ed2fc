package org.gridlink.mobilization.volunteers.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.mobilization.volunteers.DutyBadges;
import org.gridlink.mobilization.volunteers.TaskKind;
import org.gridlink.mobilization.volunteers.Volunteer;
import org.gridlink.mobilization.volunteers.VolunteerAccess;
import org.gridlink.mobilization.volunteers.VolunteerDocuments;
import org.gridlink.mobilization.volunteers.VolunteerStatus;
import org.gridlink.mobilization.volunteers.VolunteerTasks;
import org.gridlink.mobilization.volunteers.VolunteerTasks.NewTask;
import org.gridlink.mobilization.volunteers.VolunteerTasks.Task;
import org.gridlink.mobilization.volunteers.Volunteers;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.PublicUrls;
import org.gridlink.platform.QrSvg;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Volunteer pages. For the signed-in volunteer ({@code /volunteer}): the duty badge with today's signed QR, the
 * community's open tasks to sign up for, their sign-ups and the certificate of service. For community staff
 * ({@code /volunteers}): the registrations to decide, the audited reveal of a phone, tasks with sign-ups, attendance
 * and hours, the party members per branch (双报到) with the workbook, and hours per person and per branch.
 */
@Controller
class VolunteerPages {

	private final Volunteers volunteers;
	private final VolunteerTasks tasks;
	private final DutyBadges badges;
	private final VolunteerDocuments documents;
	private final PublicUrls urls;
	private final MessageSource messages;
	private final Clock clock;

	VolunteerPages(Volunteers volunteers, VolunteerTasks tasks, DutyBadges badges, VolunteerDocuments documents,
			PublicUrls urls, MessageSource messages, Clock clock) {
		this.volunteers = volunteers;
		this.tasks = tasks;
		this.badges = badges;
		this.documents = documents;
		this.urls = urls;
		this.messages = messages;
		this.clock = clock;
	}

	@org.springframework.web.bind.annotation.ModelAttribute("time")
	Times time() {
		return new Times(clock.getZone());
	}

	// ---- the volunteer's own pages

	@GetMapping("/volunteer")
	String mine(CurrentUser user, Model model) {
		Volunteer me = volunteers.mine(user).orElseThrow(() -> new AccessDeniedException("not a volunteer"));
		model.addAttribute("self", me);
		String token = badges.todays(me).orElse(null);
		model.addAttribute("badgeQr", token == null ? null
				: QrSvg.of(urls.absolute("/volunteers/badge/check?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("open", me.status() == VolunteerStatus.APPROVED ? tasks.list(user, true, ApiPaging.of(0, 30))
				.getContent() : List.of());
		model.addAttribute("signups", tasks.mySignups(user));
		model.addAttribute("from", LocalDate.now(clock).withDayOfYear(1));
		return "volunteers/mine";
	}

	@PostMapping("/volunteer/tasks/{id:\\d{1,18}}/signup")
	String signUp(CurrentUser user, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
		return step(redirect, locale, () -> tasks.signUp(user, id), "volunteers.signup.done", "redirect:/volunteer");
	}

	@PostMapping("/volunteer/tasks/{id:\\d{1,18}}/withdraw")
	String withdraw(CurrentUser user, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
		return step(redirect, locale, () -> tasks.withdraw(user, id), "volunteers.signup.withdrawn",
				"redirect:/volunteer");
	}

	@GetMapping("/volunteer/certificate.pdf")
	ResponseEntity<byte[]> myCertificate(CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Locale locale) {
		Volunteer me = volunteers.mine(user).orElseThrow(() -> new AccessDeniedException("not a volunteer"));
		return certificate(user, me.id(), from, to, locale);
	}

	// ---- community staff

	@GetMapping("/volunteers")
	String list(CurrentUser user, @RequestParam(required = false) @Nullable VolunteerStatus status,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("volunteers", volunteers.list(user, status, null, q, null, ApiPaging.of(Math.max(0, page),
				20)));
		model.addAttribute("status", status == null ? "" : status.name());
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("statuses", VolunteerStatus.values());
		model.addAttribute("manages", VolunteerAccess.canManage(user));
		return "volunteers/list";
	}

	@PostMapping("/volunteers/{id:\\d{1,18}}/decision")
	String decide(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable VolunteerStatus status,
			@RequestParam(required = false) @Nullable String username, RedirectAttributes redirect, Locale locale) {
		return step(redirect, locale, () -> volunteers.decide(user, id, status, username), "volunteers.decided",
				"redirect:/volunteers");
	}

	@PostMapping("/volunteers/{id:\\d{1,18}}/badge/revoke")
	String revoke(CurrentUser user, @PathVariable long id, RedirectAttributes redirect, Locale locale) {
		return step(redirect, locale, () -> volunteers.revokeBadge(user, id), "volunteers.badge.revoked",
				"redirect:/volunteers");
	}

	/** The full phone as an htmx fragment in place of the masked one; the reason and the reveal are audited. */
	@PostMapping("/volunteers/{id:\\d{1,18}}/reveal")
	String reveal(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String reason,
			Model model, Locale locale, HttpServletResponse response) {
		try {
			model.addAttribute("value", volunteers.revealPhone(user, id, reason));
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("error", messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
		}
		model.addAttribute("id", id);
		return "volunteers/list :: revealed";
	}

	@GetMapping("/volunteers/{id:\\d{1,18}}/certificate.pdf")
	ResponseEntity<byte[]> certificate(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Locale locale) {
		LocalDate end = to != null ? to : LocalDate.now(clock);
		LocalDate start = from != null ? from : end.withDayOfYear(1);
		byte[] pdf = documents.certificate(user, id, start, end, locale);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename("volunteer-" + id + "-certificate.pdf").build().toString())
				.body(pdf);
	}

	@GetMapping("/volunteers/tasks")
	String taskList(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		if (!VolunteerAccess.readsByScope(user)) {
			throw new AccessDeniedException("tasks are the community's");
		}
		model.addAttribute("tasks", tasks.list(user, false, ApiPaging.of(Math.max(0, page), 20)));
		model.addAttribute("kinds", TaskKind.values());
		model.addAttribute("manages", VolunteerAccess.canManage(user));
		model.addAttribute("communities", volunteers.communities().entrySet().stream()
				.filter(e -> user.scope().covers(e.getKey())).toList());
		LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
		model.addAttribute("defaultFrom", tomorrow.atTime(8, 0));
		model.addAttribute("defaultTo", tomorrow.atTime(12, 0));
		return "volunteers/tasks";
	}

	@PostMapping("/volunteers/tasks")
	String publish(CurrentUser user, @RequestParam(required = false) @Nullable String communityCode,
			@RequestParam(required = false) @Nullable TaskKind kind, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String place,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime to,
			@RequestParam(required = false) @Nullable Integer needed, RedirectAttributes redirect, Locale locale) {
		ZoneId zone = clock.getZone();
		return step(redirect, locale, () -> tasks.publish(user, new NewTask(communityCode, kind, title, place,
				from == null ? null : from.atZone(zone).toOffsetDateTime(),
				to == null ? null : to.atZone(zone).toOffsetDateTime(), needed)), "volunteers.task.published",
				"redirect:/volunteers/tasks");
	}

	@GetMapping("/volunteers/tasks/{id:\\d{1,18}}")
	String task(CurrentUser user, @PathVariable long id, Model model) {
		Task task = tasks.get(user, id);
		model.addAttribute("task", task);
		model.addAttribute("signups", tasks.signups(user, id));
		return "volunteers/task";
	}

	@PostMapping("/volunteers/signups/{id:\\d{1,18}}/confirm")
	String confirm(CurrentUser user, @PathVariable long id, @RequestParam long task, RedirectAttributes redirect,
			Locale locale) {
		return step(redirect, locale, () -> tasks.confirm(user, id), "volunteers.signup.confirmed",
				"redirect:/volunteers/tasks/" + task);
	}

	@PostMapping("/volunteers/signups/{id:\\d{1,18}}/attendance")
	String attendance(CurrentUser user, @PathVariable long id, @RequestParam long task,
			@RequestParam(required = false) @Nullable Boolean attended,
			@RequestParam(required = false) @Nullable String hours, RedirectAttributes redirect, Locale locale) {
		return step(redirect, locale, () -> tasks.record(user, id, attended, hours(hours)), "volunteers.attendance.saved",
				"redirect:/volunteers/tasks/" + task);
	}

	private static @Nullable BigDecimal hours(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("volunteers.hours.invalid", 24);
		}
	}

	@GetMapping("/volunteers/reports")
	String reports(CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Long unitId, Model model) {
		LocalDate end = to != null ? to : LocalDate.now(clock);
		LocalDate start = from != null ? from : end.minusDays(29);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("unitId", unitId);
		model.addAttribute("units", volunteers.units());
		List<Volunteer> party = volunteers.partyMembers(user, unitId);
		model.addAttribute("party", party.stream().limit(200).toList());
		model.addAttribute("partyTotal", party.size());
		model.addAttribute("perPerson", tasks.hoursPerPerson(user, start, end).stream().limit(100).toList());
		model.addAttribute("perBranch", tasks.hoursPerBranch(user, start, end));
		return "volunteers/reports";
	}

	@GetMapping("/volunteers/party.xlsx")
	void partyWorkbook(CurrentUser user, @RequestParam(required = false) @Nullable Long unitId, Locale locale,
			HttpServletResponse response) throws IOException {
		if (!VolunteerAccess.canRead(user)) {
			throw new AccessDeniedException("volunteers are for community staff and units");
		}
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("party-members.xlsx").build().toString());
		documents.partyWorkbook(user, unitId, locale, response.getOutputStream());
	}

	private String step(RedirectAttributes redirect, Locale locale, Runnable action, String done, String target) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", messages.getMessage(done, null, locale));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.messageKey(), ex.arguments(),
					ex.messageKey(), locale));
		}
		return target;
	}
}
