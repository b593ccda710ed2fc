package org.gridlink.quarantine.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.quarantine.CheckInInput;
import org.gridlink.quarantine.CheckIns;
import org.gridlink.quarantine.PublicCheckIn;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The daily check-in page of a person in home quarantine, open without login through their personal link
 * ({@code /q/<token>}): temperature, symptoms from the list, a note. It shows only the masked name and the days
 * left; an unknown or expired link gets the same plain "not valid" page (404). It asks for no location.
 */
@Controller
class PublicCheckInController {

	private final CheckIns checkIns;
	private final CheckInLimit limit;
	private final MessageSource messages;

	PublicCheckInController(CheckIns checkIns, CheckInLimit limit, MessageSource messages) {
		this.checkIns = checkIns;
		this.limit = limit;
		this.messages = messages;
	}

	@GetMapping("/q/{token}")
	String page(@PathVariable String token, @RequestParam(required = false) @Nullable String done, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		Optional<PublicCheckIn> view = checkIns.open(token);
		if (view.isEmpty()) {
			return gone(request, response);
		}
		model.addAttribute("done", done != null);
		return form(model, token, view.get(), Map.of("temperature", "", "note", ""), List.of(),
				FormErrors.in(messages, Locale.ROOT));
	}

	@PostMapping("/q/{token}")
	String checkIn(@PathVariable String token, @RequestParam(required = false) @Nullable String temperature,
			@RequestParam(required = false) @Nullable List<String> symptoms,
			@RequestParam(required = false) @Nullable String note, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		if (!limit.tryAcquire(request.getRemoteAddr(), request.getSession(true).getId())) {
			response.setStatus(429);
			model.addAttribute("tooMany", true);
			return "quarantine/checkins/gone";
		}
		Optional<PublicCheckIn> view = checkIns.open(token);
		if (view.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return "quarantine/checkins/gone";
		}
		CheckInInput input = new CheckInInput(temperature, symptoms, note);
		FormErrors errors = FormErrors.in(messages, locale);
		checkIns.problems(input).forEach(errors::add);
		if (errors.isEmpty()) {
			try {
				checkIns.selfReport(token, input);
				return "redirect:/q/" + token + "?done=1";
			}
			catch (NotFoundException ex) {
				response.setStatus(HttpServletResponse.SC_NOT_FOUND);
				return "quarantine/checkins/gone";
			}
			catch (InvalidInputException ex) {
				errors.add("form", ex);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("temperature", temperature == null ? "" : temperature);
		form.put("note", note == null ? "" : note);
		model.addAttribute("done", false);
		return form(model, token, view.get(), form, symptoms == null ? List.of() : symptoms, errors);
	}

	private String form(Model model, String token, PublicCheckIn view, Map<String, String> form,
			List<String> ticked, FormErrors errors) {
		model.addAttribute("token", token);
		model.addAttribute("view", view);
		model.addAttribute("form", form);
		model.addAttribute("ticked", ticked);
		model.addAttribute("errors", errors);
		model.addAttribute("threshold", checkIns.rules().feverThreshold());
		return "quarantine/checkins/public";
	}

	private String gone(HttpServletRequest request, HttpServletResponse response) {
		// unknown and expired links look the same; trying many costs the caller its quota
		if (!limit.tryAcquire(request.getRemoteAddr(), request.getSession(true).getId())) {
			response.setStatus(429);
		}
		else {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		}
		return "quarantine/checkins/gone";
	}

	/** The link is a credential: no cache keeps the page. And the browser lets no script on it ask for a location. */
	static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Permissions-Policy", "geolocation=(), camera=(), microphone=()");
	}
}
