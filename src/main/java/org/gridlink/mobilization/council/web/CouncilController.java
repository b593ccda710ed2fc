package org.gridlink.mobilization.council.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.gridlink.mobilization.CadreDuty;
import org.gridlink.mobilization.DutyViews;
import org.gridlink.mobilization.council.CouncilViews.CaseRequest;
import org.gridlink.mobilization.council.CouncilViews.Council;
import org.gridlink.mobilization.council.CouncilViews.Leaving;
import org.gridlink.mobilization.council.CouncilViews.Meeting;
import org.gridlink.mobilization.council.CouncilViews.MinutesText;
import org.gridlink.mobilization.council.CouncilViews.NewAgendaItem;
import org.gridlink.mobilization.council.CouncilViews.NewAttendance;
import org.gridlink.mobilization.council.CouncilViews.NewDecision;
import org.gridlink.mobilization.council.CouncilViews.NewMeeting;
import org.gridlink.mobilization.council.CouncilViews.NewProgress;
import org.gridlink.mobilization.council.CouncilViews.NewSeat;
import org.gridlink.mobilization.council.CouncilViews.OpenedCase;
import org.gridlink.mobilization.council.CouncilViews.TaskRequest;
import org.gridlink.mobilization.council.Councils;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Council pages: the councils in sight, a community's council (seats, meetings), a meeting (agenda, attendance,
 * decisions, minutes, sign-off) and the community's public board (no login).
 */
@Controller
class CouncilController {

	private final Councils councils;
	private final MessageSource messages;
	private final CadreDuty duty;
	private final java.time.Clock clock;

	CouncilController(Councils councils, MessageSource messages, CadreDuty duty, java.time.Clock clock) {
		this.councils = councils;
		this.messages = messages;
		this.duty = duty;
		this.clock = clock;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** Runs a step; a refusal the user can fix comes back as the page's error message. */
	private <T> @Nullable T attempt(RedirectAttributes redirect, String done, Supplier<T> step) {
		try {
			T result = step.get();
			redirect.addFlashAttribute("flash", text(done));
			return result;
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("flashError", text(ex.messageKey(), ex.arguments()));
			return null;
		}
	}

	@GetMapping("/councils")
	String councils(CurrentUser user, Model model) {
		model.addAttribute("councils", councils.councils(user));
		return "mobilization/council/councils";
	}

	@GetMapping("/councils/{code}")
	String council(CurrentUser user, @PathVariable String code, @RequestParam(defaultValue = "0") int page,
			Model model) {
		Council council = councils.council(user, code);
		model.addAttribute("council", council);
		model.addAttribute("meetings", councils.meetings(user, council.communityCode(), null, null,
				ApiPaging.of(page, 20)));
		model.addAttribute("overdue", councils.decisions(user, council.communityCode(), "OVERDUE",
				ApiPaging.of(0, 50)).getContent());
		model.addAttribute("canWrite", councils.canWrite(user, council.communityCode()));
		model.addAttribute("kinds", Councils.KINDS);
		model.addAttribute("today", LocalDate.now());
		return "mobilization/council/council";
	}

	@PostMapping("/councils/{code}/seats")
	String addSeat(CurrentUser user, @PathVariable String code, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String organisation,
			@RequestParam(required = false) @Nullable String personName,
			@RequestParam(required = false) @Nullable String personRole,
			@RequestParam(required = false) @Nullable Boolean chair,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate termFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate termTo,
			RedirectAttributes redirect) {
		attempt(redirect, "council.seat.added", () -> councils.addSeat(user, code,
				new NewSeat(kind, organisation, personName, personRole, chair, termFrom, termTo)));
		return "redirect:/councils/" + code;
	}

	@PostMapping("/council-seats/{id}/leaving")
	String leave(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate leftOn,
			@RequestParam String community, RedirectAttributes redirect) {
		attempt(redirect, "council.seat.left", () -> councils.leave(user, id, new Leaving(leftOn)));
		return "redirect:/councils/" + (community.matches("\\d{12}") ? community : "");
	}

	@PostMapping("/councils/{code}/meetings")
	String createMeeting(CurrentUser user, @PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate heldOn,
			@RequestParam(required = false) @Nullable String title, RedirectAttributes redirect) {
		Meeting m = attempt(redirect, "council.meeting.created",
				() -> councils.createMeeting(user, new NewMeeting(code, heldOn, title, List.of())));
		return m == null ? "redirect:/councils/" + code : "redirect:/council-meetings/" + m.id();
	}

	@GetMapping("/council-meetings/{id}")
	String meeting(CurrentUser user, @PathVariable long id, Model model) {
		Meeting meeting = councils.meeting(user, id);
		model.addAttribute("meeting", meeting);
		boolean canWrite = councils.canWrite(user, meeting.communityCode());
		model.addAttribute("canWrite", canWrite);
		model.addAttribute("picks", canWrite && !meeting.signed() ? councils.picks(user, meeting.communityCode())
				: List.of());
		model.addAttribute("categories", Councils.CASE_CATEGORIES);
		// a decision's task: posted cadres of the community (their tasks are given by the community's staff)
		List<DutyViews.PostedCadre> cadres = canWrite && user.has(Role.COMMUNITY)
				? duty.board(user, meeting.communityCode(), duty.today()).posted() : List.of();
		model.addAttribute("cadres", cadres);
		model.addAttribute("cadreKinds", DutyViews.TaskKind.values());
		model.addAttribute("volunteerKinds", org.gridlink.mobilization.volunteers.TaskKind.values());
		model.addAttribute("today", duty.today());
		return "mobilization/council/meeting";
	}

	@PostMapping("/council-meetings/{id}/agenda-items")
	String addAgendaItem(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String source, @RequestParam(required = false) @Nullable String pick,
			@RequestParam(required = false) @Nullable Long refId, @RequestParam(required = false) @Nullable String title,
			RedirectAttributes redirect) {
		String s = source;
		Long ref = refId;
		if (pick != null && pick.contains(":")) {
			// a picked hand-off or concern: "HANDOFF:12"
			s = pick.substring(0, pick.indexOf(':'));
			try {
				ref = Long.valueOf(pick.substring(pick.indexOf(':') + 1));
			}
			catch (NumberFormatException ex) {
				ref = -1L;
			}
		}
		NewAgendaItem item = new NewAgendaItem(s, ref, title);
		attempt(redirect, "council.agenda.added", () -> councils.addAgendaItem(user, id, item));
		return "redirect:/council-meetings/" + id + "#agenda";
	}

	@PostMapping("/council-meetings/{id}/attendance")
	String attendance(CurrentUser user, @PathVariable long id,
			@RequestParam(name = "present", required = false) @Nullable List<Long> present,
			RedirectAttributes redirect) {
		List<Long> seats = present == null ? new ArrayList<>() : present;
		attempt(redirect, "council.attendance.saved", () -> councils.attendance(user, id, new NewAttendance(seats)));
		return "redirect:/council-meetings/" + id + "#attendance";
	}

	@PostMapping("/council-meetings/{id}/decisions")
	String decide(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable Long agendaItemId,
			@RequestParam(required = false) @Nullable String text, @RequestParam(required = false) @Nullable Long ownerSeatId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate deadline,
			RedirectAttributes redirect) {
		attempt(redirect, "council.decision.recorded",
				() -> councils.decide(user, id, new NewDecision(agendaItemId, text, ownerSeatId, deadline)));
		return "redirect:/council-meetings/" + id + "#decisions";
	}

	@PostMapping("/council-meetings/{id}/minutes")
	String minutes(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		attempt(redirect, "council.minutes.saved", () -> councils.minutes(user, id, new MinutesText(text, version)));
		return "redirect:/council-meetings/" + id + "#minutes";
	}

	@PostMapping("/council-meetings/{id}/sign-off")
	String signOff(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
			RedirectAttributes redirect) {
		attempt(redirect, "council.minutes.signed.done",
				() -> councils.signOff(user, id, new org.gridlink.mobilization.council.CouncilViews.SignOff(version)));
		return "redirect:/council-meetings/" + id + "#minutes";
	}

	@PostMapping("/council-decisions/{id}/progress")
	String progress(CurrentUser user, @PathVariable long id, @RequestParam long meeting,
			@RequestParam(required = false) @Nullable String note, @RequestParam(required = false) @Nullable Boolean done,
			RedirectAttributes redirect) {
		attempt(redirect, "council.progress.saved", () -> councils.progress(user, id, new NewProgress(note, done)));
		return "redirect:/council-meetings/" + meeting + "#decision-" + id;
	}

	@PostMapping("/council-decisions/{id}/case")
	String openCase(CurrentUser user, @PathVariable long id, @RequestParam long meeting,
			@RequestParam(required = false) @Nullable String categoryCode, RedirectAttributes redirect) {
		OpenedCase opened = attempt(redirect, "council.case.opened",
				() -> councils.openCase(user, id, new CaseRequest(categoryCode)));
		return "redirect:/council-meetings/" + meeting + "#decision-" + id;
	}

	@PostMapping("/council-decisions/{id}/task")
	String openTask(CurrentUser user, @PathVariable long id, @RequestParam long meeting,
			@RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(required = false) @Nullable String place,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime startsAt,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime endsAt,
			@RequestParam(required = false) @Nullable Integer needed, RedirectAttributes redirect) {
		ZoneId zone = clock.getZone();
		attempt(redirect, "council.task.opened", () -> councils.openTask(user, id, new TaskRequest(target, kind, staffId,
				day, null, place, startsAt == null ? null : startsAt.atZone(zone).toOffsetDateTime(),
				endsAt == null ? null : endsAt.atZone(zone).toOffsetDateTime(), needed, null)));
		return "redirect:/council-meetings/" + meeting + "#decision-" + id;
	}

	/** The community's public board: no login; members' names and roles, signed minutes, decisions. */
	@GetMapping("/council-board/{code}")
	String board(@PathVariable String code, Model model) {
		model.addAttribute("board", councils.board(code));
		return "mobilization/council/board";
	}
}
