package org.gridlink.answers.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.answers.AnswerTheme;
import org.gridlink.answers.NewAnswer;
import org.gridlink.answers.PublicAnswers;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The duty desk's answers ({@code /answer-desk}, CENTER): the district's answers with their status, a form to write
 * one (draft or published at once), publish a draft, withdraw an answer with a note (audited).
 */
@Controller
class AnswerDeskController {

	private final PublicAnswers answers;
	private final MessageSource messages;

	AnswerDeskController(PublicAnswers answers, MessageSource messages) {
		this.answers = answers;
		this.messages = messages;
	}

	@GetMapping("/answer-desk")
	String desk(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String theme, @RequestParam(defaultValue = "0") int page,
			CurrentUser user, Model model) {
		return page(user, q, theme, page, emptyForm(answers.today()), null, model);
	}

	@PostMapping("/answer-desk")
	String create(@RequestParam Map<String, String> params, CurrentUser user, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		require(user);
		Map<String, String> form = new LinkedHashMap<>();
		for (String field : new String[] { "question", "answer", "source", "date", "theme", "publish" }) {
			form.put(field, params.getOrDefault(field, ""));
		}
		try {
			long id = answers.create(user, new NewAnswer(form.get("question"), form.get("answer"), form.get("source"),
					form.get("date"), form.get("theme"), "true".equals(form.get("publish"))));
			redirect.addFlashAttribute("flash", messages.getMessage("answers.created", new Object[] { id }, locale));
			return "redirect:/answer-desk";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return page(user, null, null, 0, form,
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale), model);
		}
	}

	@PostMapping("/answer-desk/{id:\\d{1,18}}/publish")
	String publish(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
			CurrentUser user, RedirectAttributes redirect, Locale locale) {
		return step(redirect, locale, () -> answers.publish(user, id, version), "answers.published");
	}

	@PostMapping("/answer-desk/{id:\\d{1,18}}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Integer version, CurrentUser user, RedirectAttributes redirect,
			Locale locale) {
		return step(redirect, locale, () -> answers.withdraw(user, id, note, version), "answers.withdrawn");
	}

	private String step(RedirectAttributes redirect, Locale locale, Runnable action, String done) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", messages.getMessage(done, null, locale));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.messageKey(), ex.arguments(),
					ex.messageKey(), locale));
		}
		return "redirect:/answer-desk";
	}

	private String page(CurrentUser user, @Nullable String q, @Nullable String theme, int page,
			Map<String, String> form, @Nullable String error, Model model) {
		require(user);
		model.addAttribute("answers", answers.desk(user, q, theme, PageRequest.of(Math.max(0, page), 20)));
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("theme", theme == null ? "" : theme.strip());
		model.addAttribute("themes", AnswerTheme.values());
		model.addAttribute("form", form);
		model.addAttribute("formError", error);
		return "answers/desk";
	}

	private static Map<String, String> emptyForm(String today) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("question", "");
		form.put("answer", "");
		form.put("source", "");
		form.put("date", today);
		form.put("theme", "");
		form.put("publish", "");
		return form;
	}

	private static void require(CurrentUser user) {
		if (!PublicAnswers.canWrite(user)) {
			throw new AccessDeniedException("the answer desk is the center's");
		}
	}
}
