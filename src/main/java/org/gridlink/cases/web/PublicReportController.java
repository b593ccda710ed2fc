package org.gridlink.cases.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.cases.CaseCategories;
import org.gridlink.cases.CaseDirectory;
import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.NewCase;
import org.gridlink.cases.PublicCaseStatus;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.Hashes;
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
 * The residents' page, open without login ({@code /report}): category, description, address or location, an
 * optional phone (stored encrypted, never shown back); a few reports per address and session; the answer names the
 * case number and its public status page {@code /report/{number}} (status and the center's answers, no personal
 * data). Reported as "public", source RESIDENT.
 */
@Controller
class PublicReportController {

	static final String REPORTER = "public";

	private final CaseManagement cases;
	private final CaseCategories categories;
	private final CaseDirectory directory;
	private final PublicCaseStatus publicStatus;
	private final PublicReportLimit limit;
	private final MessageSource messages;

	PublicReportController(CaseManagement cases, CaseCategories categories, CaseDirectory directory,
			PublicCaseStatus publicStatus, PublicReportLimit limit, MessageSource messages) {
		this.cases = cases;
		this.categories = categories;
		this.directory = directory;
		this.publicStatus = publicStatus;
		this.limit = limit;
		this.messages = messages;
	}

	@GetMapping("/report")
	String form(Model model) {
		return page(model, CaseReportController.emptyForm(), FormErrors.in(messages, Locale.ROOT));
	}

	@PostMapping("/report")
	String report(@RequestParam Map<String, String> params, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		Map<String, String> form = CaseReportController.typed(params, "categoryCode", "major", "description",
				"address", "lat", "lng", "phone", "key");
		FormErrors errors = FormErrors.in(messages, locale);
		CaseReportController.Location location = CaseReportController.location(form, errors);
		CaseReportController.check(form, errors);
		if (location == null && form.get("address").isEmpty() && !errors.has("location")) {
			errors.addKey("address", "cases.public.place.required");
		}
		if (!form.get("phone").isEmpty() && !form.get("phone").matches("[0-9+\\- ]{5,20}")) {
			errors.addKey("phone", "cases.phone.invalid");
		}
		if (errors.isEmpty()) {
			if (!limit.tryAcquire(request.getRemoteAddr(), request.getSession(true).getId())) {
				response.setStatus(429);
				errors.addKey("form", "cases.public.tooMany");
				return page(model, form, errors);
			}
			try {
				long id = cases.reportAs(REPORTER, new NewCase(form.get("categoryCode"), form.get("description"),
						location == null ? directory.district() : null, location == null ? null : location.lat(),
						location == null ? null : location.lng(), form.get("address"), CaseSource.RESIDENT,
						form.get("phone").replace(" ", "")), sessionKey(form.get("key"), request));
				return "redirect:/report/" + publicStatus.issueLink(id) + "?created=true";
			}
			catch (InvalidInputException ex) {
				errors.add(CaseReportController.field(ex.messageKey(), "address"), ex);
			}
		}
		return page(model, form, errors);
	}

	/**
	 * The form's one-time key, scoped to the session: every resident reports as {@code public}, so a key alone would
	 * let a second session that sends the same key receive the first session's case.
	 */
	static @Nullable String sessionKey(String key, HttpServletRequest request) {
		return key.isBlank() ? null : Hashes.sha256Hex(request.getSession(true).getId() + ":" + key.strip());
	}

	private String page(Model model, Map<String, String> form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("minorsByMajor", CaseCategoryGroups.group(categories.all(), true));
		return "cases/public-report";
	}

	/**
	 * A resident's status page, by the link given at submission. A case number (sequential, guessable) opens
	 * nothing: 404 like an unknown link.
	 */
	@GetMapping("/report/{link}")
	String status(@PathVariable String link, @RequestParam(defaultValue = "false") boolean created, Model model,
			Locale locale) {
		model.addAttribute("status", publicStatus.findByLink(link, locale)
				.orElseThrow(() -> new NotFoundException("cases.not.found", "")));
		model.addAttribute("link", link);
		model.addAttribute("created", created);
		return "cases/public-status";
	}
}
