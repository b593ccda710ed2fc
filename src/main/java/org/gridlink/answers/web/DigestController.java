package org.gridlink.answers.web;

import org.gridlink.answers.DailyDigests;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The daily digest page ({@code /digest?day=yyyy-MM-dd}, default yesterday) for the center and leaders. */
@Controller
class DigestController {

	private final DailyDigests digests;

	DigestController(DailyDigests digests) {
		this.digests = digests;
	}

	@GetMapping("/digest")
	String digest(@RequestParam(required = false) @Nullable String day, CurrentUser user, Model model) {
		if (!DailyDigests.canRead(user)) {
			throw new AccessDeniedException("the digest is for the center and leaders");
		}
		var chosen = digests.day(day);
		model.addAttribute("digest", digests.of(user, chosen));
		model.addAttribute("previous", chosen.minusDays(1));
		model.addAttribute("next", chosen.plusDays(1));
		model.addAttribute("hasNext", !chosen.plusDays(1).isAfter(digests.yesterday().plusDays(1)));
		return "answers/digest";
	}
}
