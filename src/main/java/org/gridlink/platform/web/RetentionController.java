package org.gridlink.platform.web;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Retention;
import org.gridlink.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The retention page (issue 12), for the admin and the auditor: each rule with its period and property, what is due
 * now, the last runs with their counts; the admin can run the purge now. {@link Retention} refuses other roles.
 */
@Controller
class RetentionController {

	private final Retention retention;
	private final MessageSource messages;

	RetentionController(Retention retention, MessageSource messages) {
		this.retention = retention;
		this.messages = messages;
	}

	@GetMapping("/retention")
	String page(CurrentUser user, Model model, Locale locale) {
		model.addAttribute("rules", retention.rules(user));
		model.addAttribute("runs", retention.runs(user, 20));
		model.addAttribute("mayRun", user.has(Role.ADMIN));
		model.addAttribute("periods", new PeriodWords(messages, locale));
		model.addAttribute("time", DistrictTime.INSTANCE);
		return "platform/retention";
	}

	@PostMapping("/retention/run")
	String runNow(CurrentUser user, RedirectAttributes redirect, Locale locale) {
		Retention.Run run = retention.runNow(user);
		int total = run.purged().values().stream().mapToInt(Integer::intValue).sum();
		redirect.addFlashAttribute("flash", messages.getMessage("retention.ran", new Object[] { total }, locale));
		return "redirect:/retention";
	}

	/** A period in words: "180 days", "6 months", "1 year 2 months". */
	record PeriodWords(MessageSource messages, Locale locale) {

		public String of(Period period) {
			List<String> parts = new ArrayList<>();
			if (period.getYears() != 0) {
				parts.add(messages.getMessage("retention.period.years", new Object[] { period.getYears() }, locale));
			}
			if (period.getMonths() != 0) {
				parts.add(messages.getMessage("retention.period.months", new Object[] { period.getMonths() }, locale));
			}
			if (period.getDays() != 0 || parts.isEmpty()) {
				parts.add(messages.getMessage("retention.period.days", new Object[] { period.getDays() }, locale));
			}
			return String.join(" ", parts);
		}
	}
}
