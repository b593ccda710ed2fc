package org.gridlink.answers.web;

import org.gridlink.answers.AnswerTheme;
import org.gridlink.answers.PublicAnswers;
import org.gridlink.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page of answers (权威解读), open without login, Chinese and English, as cards on a phone: search, theme
 * filter, paging; one answer on its own page. Only published answers; never who wrote them.
 */
@Controller
class PublicAnswersController {

	static final int PAGE_SIZE = 10;

	private final PublicAnswers answers;

	PublicAnswersController(PublicAnswers answers) {
		this.answers = answers;
	}

	@GetMapping("/answers")
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String theme, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("answers", answers.published(q, theme, PageRequest.of(Math.max(0, page), PAGE_SIZE)));
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("theme", theme == null ? "" : theme.strip());
		model.addAttribute("themes", AnswerTheme.values());
		return "answers/public-list";
	}

	@GetMapping("/answers/{id:\\d{1,18}}")
	String one(@PathVariable long id, Model model) {
		model.addAttribute("a", answers.findPublished(id)
				.orElseThrow(() -> new NotFoundException("answers.not.found", String.valueOf(id))));
		return "answers/public-detail";
	}
}
