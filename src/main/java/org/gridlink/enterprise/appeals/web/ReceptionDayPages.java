package org.gridlink.enterprise.appeals.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.gridlink.enterprise.appeals.AppealCategories;
import org.gridlink.enterprise.appeals.AppealFiled;
import org.gridlink.enterprise.appeals.ReceptionDays;
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
 * Staff pages of reception days (the center and leaders): the days with the form for a new one
 * ({@code /enterprises/reception-days}) and one day's bookings, where the leader records each matter raised as an
 * appeal ({@code /enterprises/reception-days/{id}}).
 */
@Controller
class ReceptionDayPages {

	private final ReceptionDays receptionDays;
	private final MessageSource messages;
	private final Clock clock;

	ReceptionDayPages(ReceptionDays receptionDays, MessageSource messages, Clock clock) {
		this.receptionDays = receptionDays;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/enterprises/reception-days")
	String days(CurrentUser user, Model model) {
		model.addAttribute("days", receptionDays.all(user));
		return "enterprise/appeals/reception-days";
	}

	@PostMapping("/enterprises/reception-days")
	String create(CurrentUser user, @RequestParam Map<String, String> form, Locale locale,
			RedirectAttributes redirect) {
		if (!ReceptionDays.mayManage(user)) {
			throw new AccessDeniedException("center or leader only");
		}
		long id = receptionDays.create(user, start(form.get("startsAt")), number(form.get("slotMinutes")),
				number(form.get("slots")), form.get("place"), form.get("leader"), form.get("topic"));
		redirect.addFlashAttribute("flash", messages.getMessage("enterprise.reception.created", null, locale));
		return "redirect:/enterprises/reception-days/" + id;
	}

	private @Nullable OffsetDateTime start(@Nullable String value) {
		try {
			return value == null || value.isBlank() ? null
					: LocalDateTime.parse(value.strip()).atZone(clock.getZone()).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("enterprise.reception.start.invalid");
		}
	}

	private static int number(@Nullable String value) {
		return value != null && value.strip().matches("\\d{1,4}") ? Integer.parseInt(value.strip()) : -1;
	}

	@GetMapping("/enterprises/reception-days/{id}")
	String day(CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("bookings", receptionDays.bookings(user, id));
		model.addAttribute("day", receptionDays.day(id));
		model.addAttribute("categories", AppealCategories.CODES);
		return "enterprise/appeals/reception-day";
	}

	@PostMapping("/enterprises/reception-days/{id}/bookings/{bookingId}/matters")
	String matter(CurrentUser user, @PathVariable long id, @PathVariable long bookingId,
			@RequestParam Map<String, String> form, Locale locale, RedirectAttributes redirect) {
		try {
			AppealFiled filed = receptionDays.recordMatter(user, bookingId, form.get("categoryCode"),
					form.get("description"));
			redirect.addFlashAttribute("flash", messages.getMessage(filed.greenChannel()
					? "enterprise.appeals.filed.green" : "enterprise.appeals.filed", null, locale));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError",
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
		}
		return "redirect:/enterprises/reception-days/" + id;
	}
}
