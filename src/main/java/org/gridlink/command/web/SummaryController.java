package org.gridlink.command.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.gridlink.command.DailySummaries;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.JurisdictionDirectory;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The daily summaries page ({@code /command/summaries}): the written days, newest first, each with its PDF and
 * workbook — the district's for the center and leaders, their own place's for street and community staff — and, for
 * the center and leaders, writing a day again.
 */
@Controller
class SummaryController {

	private final DailySummaries summaries;
	private final JurisdictionDirectory directory;
	private final MessageSource messages;

	SummaryController(DailySummaries summaries, JurisdictionDirectory directory, MessageSource messages) {
		this.summaries = summaries;
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping("/command/summaries")
	String list(CurrentUser user, Model model, @RequestParam(defaultValue = "0") int page) {
		if (!DailySummaries.mayRead(user)) {
			throw new AccessDeniedException("daily summaries");
		}
		Page<DailySummaries.SummaryLine> lines = summaries.list(user, PageRequest.of(Math.max(0, page), 30));
		String place = summaries.placeOf(user, null);
		model.addAttribute("lines", lines);
		model.addAttribute("place", place);
		model.addAttribute("placeName", directory.names(List.of(place)).getOrDefault(place, place));
		model.addAttribute("mayWrite", DailySummaries.mayWrite(user));
		return "command/summaries";
	}

	@PostMapping("/command/summaries/{date}")
	String regenerate(CurrentUser user, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			RedirectAttributes redirect, Locale locale) {
		summaries.regenerate(user, date);
		redirect.addFlashAttribute("message",
				messages.getMessage("command.summary.written", new Object[] { date.toString() }, locale));
		return "redirect:/command/summaries";
	}
}
