package org.gridlink.enterprise.appeals.web;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.enterprise.EnterpriseRef;
import org.gridlink.enterprise.appeals.AppealCategories;
import org.gridlink.enterprise.appeals.AppealFiled;
import org.gridlink.enterprise.appeals.Appeals;
import org.gridlink.enterprise.appeals.ReceptionDays;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public pages without an account: the enterprise's appeal page ({@code /enterprise-appeal/{creditCode}}, opened by
 * the QR code of its contact card) and the booking of a reception day slot ({@code /reception-booking},
 * {@code /reception-booking/{dayId}}). Submissions are limited per address and session ({@link PublicFormLimit}).
 */
@Controller
class PublicAppealPages {

	private final Appeals appeals;
	private final ReceptionDays receptionDays;
	private final PublicFormLimit limit;
	private final MessageSource messages;
	private final java.time.Clock clock;

	PublicAppealPages(Appeals appeals, ReceptionDays receptionDays, PublicFormLimit limit, MessageSource messages,
			java.time.Clock clock) {
		this.clock = clock;
		this.appeals = appeals;
		this.receptionDays = receptionDays;
		this.limit = limit;
		this.messages = messages;
	}

	private EnterpriseRef enterprise(String creditCode) {
		return appeals.publicEnterprise(creditCode)
				.orElseThrow(() -> new NotFoundException("enterprise.not.found", "credit code"));
	}

	@GetMapping("/enterprise-appeal/{creditCode}")
	String form(@PathVariable String creditCode, Model model) {
		EnterpriseRef enterprise = enterprise(creditCode);
		return page(enterprise, Map.of("phone", "", "categoryCode", "", "description", ""), null, model);
	}

	@PostMapping("/enterprise-appeal/{creditCode}")
	String file(@PathVariable String creditCode, @RequestParam Map<String, String> params, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		EnterpriseRef enterprise = enterprise(creditCode);
		Map<String, String> form = new LinkedHashMap<>();
		for (String field : new String[] { "phone", "categoryCode", "description" }) {
			form.put(field, params.getOrDefault(field, "").strip());
		}
		if (!limit.tryAcquire(request.getRemoteAddr(), request.getSession(true).getId())) {
			response.setStatus(429);
			return page(enterprise, form, messages.getMessage("enterprise.public.too-many", null, locale), model);
		}
		try {
			AppealFiled filed = appeals.filePublic(enterprise.creditCode(), form.get("phone"), form.get("categoryCode"),
					form.get("description"));
			model.addAttribute("filed", filed);
			return page(enterprise, form, null, model);
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return page(enterprise, form, messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(),
					locale), model);
		}
	}

	private String page(EnterpriseRef enterprise, Map<String, String> form, @Nullable String error, Model model) {
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("form", form);
		model.addAttribute("formError", error);
		model.addAttribute("categories", AppealCategories.CODES);
		return "enterprise/appeals/public-appeal";
	}

	@GetMapping("/reception-booking")
	String days(Model model) {
		model.addAttribute("days", receptionDays.upcoming());
		return "enterprise/appeals/public-reception-days";
	}

	@GetMapping("/reception-booking/{dayId}")
	String bookingForm(@PathVariable long dayId, Model model) {
		return bookingPage(receptionDays.day(dayId), Map.of("creditCode", "", "phone", "", "slot", "", "subject", ""),
				null, model);
	}

	@PostMapping("/reception-booking/{dayId}")
	String book(@PathVariable long dayId, @RequestParam Map<String, String> params, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		ReceptionDays.Day day = receptionDays.day(dayId);
		Map<String, String> form = new LinkedHashMap<>();
		for (String field : new String[] { "creditCode", "phone", "slot", "subject" }) {
			form.put(field, params.getOrDefault(field, "").strip());
		}
		if (!limit.tryAcquire(request.getRemoteAddr(), request.getSession(true).getId())) {
			response.setStatus(429);
			return bookingPage(day, form, messages.getMessage("enterprise.public.too-many", null, locale), model);
		}
		try {
			Integer slot = form.get("slot").matches("\\d{1,3}") ? Integer.valueOf(form.get("slot")) : null;
			receptionDays.book(dayId, form.get("creditCode"), form.get("phone"), slot, form.get("subject"));
			model.addAttribute("booked", slot);
			return bookingPage(receptionDays.day(dayId), form, null, model);
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return bookingPage(day, form, messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(),
					locale), model);
		}
		catch (ConflictException ex) {
			response.setStatus(409);
			return bookingPage(receptionDays.day(dayId), form, messages.getMessage(ex.messageKey(), ex.arguments(),
					ex.messageKey(), locale), model);
		}
	}

	private String bookingPage(ReceptionDays.Day day, Map<String, String> form, @Nullable String error,
			Model model) {
		model.addAttribute("day", day);
		model.addAttribute("form", form);
		model.addAttribute("formError", error);
		model.addAttribute("now", OffsetDateTime.now(clock));
		return "enterprise/appeals/public-booking";
	}
}
