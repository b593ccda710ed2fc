package org.gridlink.platform.web;

import java.util.Locale;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.security.ApiTokens;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every user's own API tokens: list, create (the plain token is shown once, on the page right after creating it)
 * and revoke. Tokens of other users are out of reach: every call names the signed-in user.
 */
@Controller
@RequestMapping("/account/tokens")
class TokenController {

	private final ApiTokens tokens;
	private final MessageSource messages;

	TokenController(ApiTokens tokens, MessageSource messages) {
		this.tokens = tokens;
		this.messages = messages;
	}

	@GetMapping
	String list(CurrentUser user, Model model, Locale locale) {
		return page(user, "", FormErrors.in(messages, locale), model);
	}

	@PostMapping
	String create(CurrentUser user, @RequestParam(defaultValue = "") String name, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("created", tokens.create(user.id(), user.username(), name));
		}
		catch (InvalidInputException ex) {
			return page(user, name, FormErrors.in(messages, locale).add("name", ex), model);
		}
		return "redirect:/account/tokens/created";
	}

	/** Shows the new token once: it lives only in the flash attribute of the redirect after creating it. */
	@GetMapping("/created")
	String created(Model model) {
		return model.containsAttribute("created") ? "account/token-created" : "redirect:/account/tokens";
	}

	@PostMapping("/{id}/revoke")
	String revoke(CurrentUser user, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		try {
			tokens.revoke(user.id(), user.username(), id);
			redirect.addFlashAttribute("flash", messages.getMessage("tokens.revoked", null, locale));
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage("token.not.found", null, locale));
		}
		return "redirect:/account/tokens";
	}

	private String page(CurrentUser user, String name, FormErrors errors, Model model) {
		model.addAttribute("tokens", tokens.list(user.id()));
		model.addAttribute("name", name);
		model.addAttribute("errors", errors);
		model.addAttribute("time", DistrictTime.INSTANCE);
		return "account/tokens";
	}
}
