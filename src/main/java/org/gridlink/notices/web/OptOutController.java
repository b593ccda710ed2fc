package org.gridlink.notices.web;

import org.gridlink.notices.OptOutLinks;
import org.gridlink.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The opt-out link's page ({@code /td/{token}}, no login, phone-friendly): opening it only asks to confirm (link
 * checkers and previews open links too); the button records the opt-out. An unknown or malformed token is 404 without
 * details.
 */
@Controller
class OptOutController {

	private final OptOutLinks links;

	OptOutController(OptOutLinks links) {
		this.links = links;
	}

	@GetMapping("/td/{token}")
	String page(@PathVariable String token, Model model) {
		model.addAttribute("state", links.find(token).orElseThrow(() -> new NotFoundException("notices.optout.unknown", "")));
		model.addAttribute("token", token);
		return "notices/optout";
	}

	@PostMapping("/td/{token}")
	String confirm(@PathVariable String token) {
		links.confirm(token).orElseThrow(() -> new NotFoundException("notices.optout.unknown", ""));
		return "redirect:/td/" + token;
	}
}
