package org.gridlink.mobilization.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.gridlink.mobilization.CadreDuty;
import org.gridlink.mobilization.DutyViews.CommunityBoard;
import org.gridlink.mobilization.DutyViews.PresenceCode;
import org.gridlink.mobilization.DutyViews.TaskKind;
import org.gridlink.mobilization.DutyViews.UnitBoard;
import org.gridlink.mobilization.DutyWorkbook;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.QrSvg;
import org.gridlink.platform.Role;
import org.gridlink.platform.UserFacingException;
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
 * Pages of posted cadres on duty: the cadre's phone page (scan or type the community's code, today's tasks), the
 * community's page (today's code and QR, printable; who is posted and who came; confirming presence; giving tasks),
 * the presence list and the unit board with its Excel export.
 */
@Controller
class DutyController {

	private final CadreDuty duty;
	private final Organization organization;
	private final DutyWorkbook workbook;
	private final MessageSource messages;

	DutyController(CadreDuty duty, Organization organization, DutyWorkbook workbook, MessageSource messages) {
		this.duty = duty;
		this.organization = organization;
		this.workbook = workbook;
		this.messages = messages;
	}

	// ---------------------------------------------------------------- the cadre

	@GetMapping("/duty")
	String mine(CurrentUser user, Model model) {
		model.addAttribute("duty", duty.myDuty(user));
		return "mobilization/duty";
	}

	@GetMapping("/duty/scan")
	String scanPage(CurrentUser user, @RequestParam(required = false) @Nullable String code, Model model) {
		if (!user.has(Role.CADRE)) {
			throw new AccessDeniedException("presence is recorded by posted cadres");
		}
		model.addAttribute("code", code == null ? "" : code);
		return "mobilization/scan";
	}

	@PostMapping("/duty/scan")
	String scan(CurrentUser user, @RequestParam(required = false) @Nullable String code, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			var presence = duty.scan(user, code);
			redirect.addFlashAttribute("flash", messages.getMessage(presence.leftAt() == null ? "duty.arrived"
					: "duty.left", new Object[] { presence.communityName() }, locale));
			return "redirect:/duty";
		}
		catch (InvalidInputException | ConflictException ex) {
			response.setStatus(ex instanceof ConflictException ? HttpServletResponse.SC_CONFLICT
					: HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("code", code == null ? "" : code);
			model.addAttribute("codeError", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
			return "mobilization/scan";
		}
	}

	/** A done task's photo (without metadata) for the community's page and the cadre's. */
	@GetMapping("/duty/tasks/{id}/photo")
	org.springframework.http.ResponseEntity<byte[]> photo(CurrentUser user, @PathVariable long id) {
		var photo = duty.photo(user, id);
		return org.springframework.http.ResponseEntity.ok()
				.contentType(org.springframework.http.MediaType.parseMediaType(photo.contentType()))
				.header("Cache-Control", "private, max-age=300").body(photo.bytes());
	}

	@PostMapping("/duty/tasks/{id}/done")
	String done(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String note,
			@RequestParam(name = "photo", required = false) org.springframework.web.multipart.@Nullable MultipartFile photo,
			Locale locale, RedirectAttributes redirect) throws IOException {
		try {
			duty.complete(user, id, note, photo == null || photo.isEmpty() ? null : photo.getBytes());
			redirect.addFlashAttribute("flash", messages.getMessage("duty.task.done.saved", null, locale));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("problem", message(ex, locale));
		}
		return "redirect:/duty";
	}

	// ---------------------------------------------------------------- the community

	@GetMapping("/communities/{code}/duty")
	String community(CurrentUser user, @PathVariable String code, @RequestParam(required = false) @Nullable String date,
			Model model) {
		LocalDate day = duty.day(date);
		CommunityBoard board = duty.board(user, code, day);
		model.addAttribute("board", board);
		model.addAttribute("manages", user.has(Role.COMMUNITY) && user.scope().covers(board.community()));
		if (user.has(Role.COMMUNITY) && user.scope().covers(board.community())) {
			PresenceCode today = duty.presenceCode(user, code);
			model.addAttribute("today", today);
			model.addAttribute("qr", QrSvg.of(today.link()));
		}
		model.addAttribute("kinds", TaskKind.values());
		model.addAttribute("isToday", day.equals(duty.today()));
		return "mobilization/community";
	}

	@GetMapping("/communities/{code}/duty/print")
	String print(CurrentUser user, @PathVariable String code, Model model) {
		PresenceCode today = duty.presenceCode(user, code);
		model.addAttribute("today", today);
		model.addAttribute("qr", QrSvg.of(today.link()));
		return "mobilization/print";
	}

	@PostMapping("/communities/{code}/duty/confirm")
	String confirm(CurrentUser user, @PathVariable String code, @RequestParam long staffId, Locale locale,
			RedirectAttributes redirect) {
		try {
			var presence = duty.confirm(user, code, staffId);
			redirect.addFlashAttribute("flash", messages.getMessage("duty.confirmed",
					new Object[] { presence.cadre() }, locale));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("problem", message(ex, locale));
		}
		return "redirect:/communities/" + code + "/duty";
	}

	@PostMapping("/communities/{code}/duty/tasks")
	String assign(CurrentUser user, @PathVariable String code, @RequestParam(required = false) @Nullable Long staffId,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String date,
			@RequestParam(required = false) @Nullable String details, Locale locale, RedirectAttributes redirect) {
		try {
			duty.assign(user, code, staffId, kind, date, details);
			redirect.addFlashAttribute("flash", messages.getMessage("duty.task.assigned", null, locale));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("problem", message(ex, locale));
		}
		return "redirect:/communities/" + code + "/duty";
	}

	// ---------------------------------------------------------------- lists and boards

	@GetMapping("/duty/presence")
	String presence(CurrentUser user, @RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @Nullable String date, @RequestParam(defaultValue = "0") int page,
			Model model) {
		LocalDate day = duty.day(date);
		model.addAttribute("page", duty.presence(user, jurisdiction, day, ApiPaging.of(page, 50)));
		model.addAttribute("date", day);
		model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction);
		model.addAttribute("communities", user.has(Role.COMMUNITY) ? user.scope().codes().stream()
				.filter(c -> c.length() == 12).sorted().toList() : List.of());
		return "mobilization/presence";
	}

	@GetMapping("/duty/units")
	String units(CurrentUser user, @RequestParam(required = false) @Nullable Long unit,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model) {
		if (!duty.readsAnyUnit(user)) {
			throw new AccessDeniedException("unit boards are read by the units, the center and leaders");
		}
		List<UnitView> units = duty.readableUnits(user, organization.allUnits());
		LocalDate end = duty.day(to);
		LocalDate start = from == null || from.isBlank() ? end.minusDays(6) : duty.day(from);
		Long chosen = unit != null ? unit : user.unitId() != null && user.has(Role.DEPT) ? user.unitId()
				: units.isEmpty() ? null : units.get(0).id();
		model.addAttribute("units", units);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("board", chosen == null ? null : duty.unitBoard(user, chosen, start, end));
		return "mobilization/units";
	}

	@GetMapping("/duty/units/{id}/export.xlsx")
	void export(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Locale locale, HttpServletResponse response)
			throws IOException {
		LocalDate end = duty.day(to);
		LocalDate start = from == null || from.isBlank() ? end.minusDays(6) : duty.day(from);
		sendWorkbook(workbook, duty.unitBoard(user, id, start, end), locale, response);
	}

	static void sendWorkbook(DutyWorkbook workbook, UnitBoard board, Locale locale, HttpServletResponse response)
			throws IOException {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"cadres-unit-" + board.unitId() + "-"
				+ board.from() + "-" + board.to() + ".xlsx\"");
		workbook.write(board, locale, response.getOutputStream());
	}

	private String message(UserFacingException ex, Locale locale) {
		return messages.getMessage(ex.messageKey(), ex.arguments(), locale);
	}
}
