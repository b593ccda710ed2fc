package org.gridlink.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.DemoLoading;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page after login answers "what do I do now?": the large buttons that start the role's daily work, then
 * what waits for the user (tasks, modules in {@code @Order}), then the overview figures of their area.
 */
@Controller
class HomeController {

	private final List<HomeCards> contributors;
	private final DemoLoading demoLoading;

	HomeController(List<HomeCards> contributors, DemoLoading demoLoading) {
		this.contributors = contributors;
		this.demoLoading = demoLoading;
	}

	@GetMapping("/")
	String home(CurrentUser user, Model model) {
		List<HomeCard> cards = new ArrayList<>();
		contributors.forEach(c -> cards.addAll(c.cardsFor(user)));
		model.addAttribute("actions", of(cards, HomeCard.Kind.ACTION));
		model.addAttribute("tasks", of(cards, HomeCard.Kind.TASK));
		model.addAttribute("cards", of(cards, HomeCard.Kind.FIGURE));
		model.addAttribute("roles", user.roles());
		return "platform/home";
	}

	private static List<HomeCard> of(List<HomeCard> cards, HomeCard.Kind kind) {
		return cards.stream().filter(c -> c.kind() == kind).toList();
	}

	@GetMapping("/login")
	String login(Optional<CurrentUser> user, Model model) {
		model.addAttribute("demoLoading", demoLoading.isLoading());
		return user.isPresent() ? "redirect:/" : "platform/login";
	}
}
