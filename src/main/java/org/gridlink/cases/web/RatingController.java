package org.gridlink.cases.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.cases.CaseRatings;
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
 * The reporter's rating page ({@code /rate/{token}}, no login, phone-friendly): the case number, its class and the
 * answers the public may read, three choices and an optional comment. Works once; an unknown or malformed token
 * answers 404 without details.
 */
@Controller
class RatingController {

	private final CaseRatings ratings;
	private final MessageSource messages;

	RatingController(CaseRatings ratings, MessageSource messages) {
		this.ratings = ratings;
		this.messages = messages;
	}

	@GetMapping("/rate/{token}")
	String page(@PathVariable String token, @RequestParam(defaultValue = "false") boolean done, Model model,
			Locale locale) {
		return show(token, done, null, null, "", model, locale);
	}

	@PostMapping("/rate/{token}")
	String rate(@PathVariable String token, @RequestParam(required = false) @Nullable String satisfaction,
			@RequestParam(required = false) @Nullable String comment, Model model, Locale locale,
			HttpServletResponse response) {
		Integer value = satisfaction != null && satisfaction.strip().matches("[1-3]")
				? Integer.valueOf(satisfaction.strip()) : null;
		try {
			if (ratings.rate(token, value, comment).isEmpty()) {
				throw new NotFoundException("cases.not.found", "");
			}
			return "redirect:/rate/" + token + "?done=true";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return show(token, false, messages.getMessage(ex.messageKey(), ex.arguments(), locale), value,
					comment == null ? "" : comment, model, locale);
		}
		catch (ConflictException ex) {
			response.setStatus(409);
			return show(token, false, null, null, "", model, locale);
		}
	}

	private String show(String token, boolean done, @Nullable String error, @Nullable Integer chosen, String comment,
			Model model, Locale locale) {
		model.addAttribute("rating", ratings.find(token, locale)
				.orElseThrow(() -> new NotFoundException("cases.not.found", "")));
		model.addAttribute("token", token);
		model.addAttribute("done", done);
		model.addAttribute("error", error);
		model.addAttribute("chosen", chosen);
		model.addAttribute("comment", comment);
		return "cases/rate";
	}
}
