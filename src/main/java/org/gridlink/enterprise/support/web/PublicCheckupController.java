package org.gridlink.enterprise.support.web;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.enterprise.support.CheckupQuestions;
import org.gridlink.enterprise.support.LegalCheckups;
import org.gridlink.platform.AttemptLimit;
import org.gridlink.platform.AttemptLimits;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The enterprise's self-check questionnaire, open without login through the check-up's link
 * ({@code /legal-checkup/<token>}): the enterprise's name and the questions by area. An unknown link is a 400 and
 * counts against the public pages' attempt limit (too many: 429).
 */
@Controller
class PublicCheckupController {

	private final LegalCheckups checkups;
	private final MessageSource messages;
	private final AttemptLimit limit;

	PublicCheckupController(LegalCheckups checkups, MessageSource messages, AttemptLimits limits) {
		this.checkups = checkups;
		this.messages = messages;
		this.limit = limits.limit("legal-checkup-link", 30, java.time.Duration.ofMinutes(10));
	}

	@GetMapping("/legal-checkup/{token}")
	String page(@PathVariable String token, @RequestParam(required = false) @Nullable String done, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		Optional<LegalCheckups.PublicCheckup> c = checkups.byToken(token);
		if (c.isEmpty()) {
			return gone(model, request, response);
		}
		model.addAttribute("done", done != null);
		return form(model, token, c.get(), Map.of(), null);
	}

	@PostMapping("/legal-checkup/{token}")
	String submit(@PathVariable String token, @RequestParam Map<String, String> params, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		noStore(response);
		Optional<LegalCheckups.PublicCheckup> c = checkups.byToken(token);
		if (c.isEmpty()) {
			return gone(model, request, response);
		}
		try {
			checkups.submitSelfCheck(token, params);
			return "redirect:/legal-checkup/" + token + "?done=1";
		}
		catch (InvalidInputException | ConflictException ex) {
			response.setStatus(ex instanceof ConflictException ? 409 : HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("done", false);
			Object field = ex.arguments().length > 0 ? ex.arguments()[0] : null;
			model.addAttribute("problemField", field instanceof String s ? s : "");
			return form(model, token, c.get(), params, text(ex, locale));
		}
	}

	private String form(Model model, String token, LegalCheckups.PublicCheckup c, Map<String, String> typed,
			@Nullable String problem) {
		model.addAttribute("checkup", c);
		if (!model.containsAttribute("problemField")) {
			model.addAttribute("problemField", "");
		}
		model.addAttribute("areas", CheckupQuestions.Area.values());
		model.addAttribute("questions", CheckupQuestions.ALL);
		model.addAttribute("answerChoices", CheckupQuestions.ANSWERS);
		Map<String, String> given = new java.util.HashMap<>();
		for (LegalCheckups.Answer a : checkups.answers(c.id())) {
			given.put("q_" + a.question(), a.answer());
			given.put("n_" + a.question(), a.note() == null ? "" : a.note());
		}
		typed.forEach((k, v) -> {
			if (k.startsWith("q_") || k.startsWith("n_")) {
				given.put(k, v);
			}
		});
		model.addAttribute("given", given);
		model.addAttribute("problem", problem);
		model.addAttribute("action", "/legal-checkup/" + token);
		return "enterprise/support/questionnaire";
	}

	private String text(UserFacingException ex, Locale locale) {
		return messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
	}

	private String gone(Model model, HttpServletRequest request, HttpServletResponse response) {
		boolean tooMany = !limit.tryAcquire(request.getRemoteAddr(), request.getSession(true).getId());
		response.setStatus(tooMany ? 429 : HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("tooMany", tooMany);
		return "enterprise/support/questionnaire-gone";
	}

	/** The link is a credential: no cache keeps the page, no referrer carries it. */
	static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
	}
}
