package org.gridlink.inspection.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gridlink.inspection.InspectionViews.HandOff;
import org.gridlink.inspection.InspectionViews.Round;
import org.gridlink.inspection.InspectionViews.Target;
import org.gridlink.inspection.InspectionViews.Verification;
import org.gridlink.inspection.Inspections;
import org.gridlink.inspection.RoundNotices;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Supervision pages: rounds, a round with its hand-offs, the on-site phone page, the board over all rounds. */
@Controller
@RequestMapping("/inspection")
class InspectionController {

	private final Inspections inspections;
	private final RoundNotices notices;
	private final MessageSource messages;

	InspectionController(Inspections inspections, RoundNotices notices, MessageSource messages) {
		this.inspections = inspections;
		this.notices = notices;
		this.messages = messages;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	@GetMapping
	String rounds(CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", inspections.rounds(user, ApiPaging.of(page, 20)));
		model.addAttribute("groups", inspections.groups(user));
		model.addAttribute("canInspect", inspections.canInspect(user));
		model.addAttribute("canPlan", inspections.canPlan(user));
		return "inspection/rounds";
	}

	@GetMapping("/rounds/{id}")
	String round(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String state,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Round round = inspections.round(user, id);
		model.addAttribute("round", round);
		model.addAttribute("state", state == null ? "" : state);
		model.addAttribute("handOffs", inspections.handOffs(user, id, state, ApiPaging.of(page, 50)));
		model.addAttribute("canPlan", inspections.canPlan(user));
		model.addAttribute("canInspect", inspections.canInspect(user));
		return "inspection/round";
	}

	@GetMapping("/rounds/{id}/work")
	String work(CurrentUser user, @PathVariable long id, @RequestParam(required = false) @Nullable String target,
			Model model) {
		Round round = inspections.round(user, id);
		List<Target> targets = round.targets();
		Target current = targets.stream().filter(t -> t.code().equals(target)).findFirst()
				.orElse(targets.isEmpty() ? null : targets.get(0));
		model.addAttribute("round", round);
		model.addAttribute("targets", targets);
		model.addAttribute("target", current);
		Map<Long, String> done = current == null ? Map.of()
				: inspections.results(user, id, current.code()).stream()
						.collect(Collectors.toMap(r -> r.checkItemId(), r -> r.result(), (newest, older) -> newest));
		model.addAttribute("done", done);
		model.addAttribute("units", inspections.unitChoices());
		return "inspection/work";
	}

	@PostMapping("/hand-offs/{id}/verification")
	String verify(CurrentUser user, @PathVariable long id, @RequestParam boolean passed,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable String photo, RedirectAttributes redirect) {
		HandOff h = inspections.handOff(user, id);
		try {
			inspections.verify(user, id, new Verification(passed, note,
					photo == null || photo.isBlank() ? List.of() : List.of(photo)));
			redirect.addFlashAttribute("flash", text(passed ? "inspection.verified" : "inspection.returned"));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("flashError", text(ex.messageKey(), ex.arguments()));
		}
		return "redirect:/inspection/rounds/" + h.roundId() + "#hand-off-" + id;
	}

	@PostMapping("/rounds/{id}/notice")
	String notice(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		RoundNotices.Sent sent = notices.send(user, id);
		redirect.addFlashAttribute("flash", text("inspection.notice.sent", String.valueOf(sent.noticeId())));
		return "redirect:/inspection/rounds/" + id;
	}

	@GetMapping("/board")
	String board(CurrentUser user, Model model) {
		model.addAttribute("repeats", inspections.repeats(user));
		model.addAttribute("units", inspections.unitRectification(user));
		return "inspection/board";
	}
}
