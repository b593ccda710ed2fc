package org.gridlink.housing.construction.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.housing.construction.ConstructionAccess;
import org.gridlink.housing.construction.ConstructionViews.FindingInput;
import org.gridlink.housing.construction.ConstructionViews.InspectionInput;
import org.gridlink.housing.construction.ConstructionViews.PlacementInput;
import org.gridlink.housing.construction.ConstructionViews.SeekerInput;
import org.gridlink.housing.construction.ConstructionViews.SessionInput;
import org.gridlink.housing.construction.ConstructionViews.Site;
import org.gridlink.housing.construction.ConstructionViews.SpendingInput;
import org.gridlink.housing.construction.ConstructionViews.WorkProgressInput;
import org.gridlink.housing.construction.JobsAndTraining;
import org.gridlink.housing.construction.SiteInspections;
import org.gridlink.housing.construction.WorksAndMoney;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff forms of the construction pages (POST, then redirect back; a refusal shows the page again with 400, what
 * was typed and the message beside its field): an inspection on the site page; a supporting work's progress,
 * spending, a training session with attendance, a job seeker and a placement on the project page. Each calls the
 * same service method as the API, so the rules and permissions live in one place.
 */
@Controller
class ConstructionForms {

	private final ConstructionPages pages;
	private final ConstructionAccess access;
	private final SiteInspections inspections;
	private final WorksAndMoney works;
	private final JobsAndTraining jobs;
	private final MessageSource messages;

	ConstructionForms(ConstructionPages pages, ConstructionAccess access, SiteInspections inspections,
			WorksAndMoney works, JobsAndTraining jobs, MessageSource messages) {
		this.pages = pages;
		this.access = access;
		this.inspections = inspections;
		this.works = works;
		this.jobs = jobs;
		this.messages = messages;
	}

	/** A value that could not be read: its field and message key. */
	private static final class Unreadable extends RuntimeException {
		private static final long serialVersionUID = 1L;
		final String field;
		final String key;

		Unreadable(String field, String key) {
			super(key, null, false, false);
			this.field = field;
			this.key = key;
		}
	}

	private static String text(Map<String, String> form, String name) {
		String v = form.get(name);
		return v == null ? "" : v.strip();
	}

	private static @Nullable LocalDate date(Map<String, String> form, String name) {
		String v = text(form, name);
		try {
			return v.isEmpty() ? null : LocalDate.parse(v);
		}
		catch (DateTimeParseException ex) {
			throw new Unreadable(name, "construction.date.invalid");
		}
	}

	private static @Nullable Integer whole(Map<String, String> form, String name, String key) {
		String v = text(form, name);
		try {
			return v.isEmpty() ? null : Integer.valueOf(v);
		}
		catch (NumberFormatException ex) {
			throw new Unreadable(name, key);
		}
	}

	private static @Nullable Long id(Map<String, String> form, String name, String key) {
		String v = text(form, name);
		try {
			return v.isEmpty() ? null : Long.valueOf(v);
		}
		catch (NumberFormatException ex) {
			throw new Unreadable(name, key);
		}
	}

	/** Yuan as typed (up to two decimals, a minus corrects) to fen. */
	static @Nullable Long fen(Map<String, String> form, String name) {
		String v = text(form, name).replace(",", "").replace("，", "");
		if (v.isEmpty()) {
			return null;
		}
		try {
			BigDecimal yuan = new BigDecimal(v);
			if (yuan.scale() > 2) {
				throw new Unreadable(name, "construction.amount.invalid");
			}
			return yuan.movePointRight(2).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new Unreadable(name, "construction.amount.invalid");
		}
	}

	/**
	 * Runs a save; a refusal (a value that could not be read, or the service's {@link InvalidInputException}) shows the
	 * page again with 400, the message beside the field its key names ({@code fields}, else {@code fallback}).
	 */
	private String run(Runnable save, String done, String back, Map<String, String> fields, String fallback,
			String failed, Map<String, String> typed, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect, java.util.function.Supplier<String> page) {
		FormErrors errors = FormErrors.in(messages, locale);
		try {
			save.run();
			redirect.addFlashAttribute("flash", messages.getMessage(done, null, done, locale));
			return "redirect:" + back;
		}
		catch (Unreadable ex) {
			errors.addKey(ex.field, ex.key);
		}
		catch (InvalidInputException ex) {
			errors.add(fields.getOrDefault(ex.messageKey(), fallback), ex);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("errors", errors);
		model.addAttribute("form", typed);
		model.addAttribute("failed", failed);
		return page.get();
	}

	// ------------------------------------------------------------------ site page: an inspection

	@PostMapping("/construction/sites/{id}/inspections")
	String inspect(CurrentUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Site site = access.site(user, id);
		if (!access.inspects(user, site)) {
			throw new AccessDeniedException("construction");
		}
		Map<String, String> typed = new LinkedHashMap<>(params.toSingleValueMap());
		String kind = text(typed, "kind");
		String p = "insp-" + kind + "-";
		Map<String, String> fields = Map.of("construction.inspection.kind.invalid", p + "findings",
				"construction.building.invalid", p + "building", "construction.date.invalid", p + "day",
				"construction.note.invalid", p + "note", "construction.finding.invalid", p + "findings");
		model.addAttribute("clientId", text(typed, "clientId"));
		return run(() -> {
			List<FindingInput> findings = new ArrayList<>();
			for (String item : SiteInspections.CHECKLIST.getOrDefault(kind, List.of())) {
				String result = text(typed, "item." + item);
				if (result.equals("PASS") || result.equals("FAIL")) {
					String note = text(typed, "itemNote." + item);
					findings.add(new FindingInput(item, result.equals("PASS"), note.isEmpty() ? null : note));
				}
			}
			inspections.record(user, id, new InspectionInput(text(typed, "clientId"), kind,
					whole(typed, "building", "construction.building.invalid"), date(typed, "day"), text(typed, "note"),
					findings));
		}, "construction.form.inspection.saved", "/construction/sites/" + id, fields, p + "findings", "insp-" + kind,
				typed, locale, model, response, redirect, () -> pages.sitePage(user, id, model));
	}

	// ------------------------------------------------------------------ project page

	@PostMapping("/construction/projects/{id}/supporting-works/{work}")
	String progress(CurrentUser user, @PathVariable long id, @PathVariable long work,
			@RequestParam Map<String, String> typed, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		access.project(user, id);
		if (works.works(user, id).stream().noneMatch(w -> w.id() == work)) {
			throw new NotFoundException("construction.work.not.found", String.valueOf(work));
		}
		String field = "work-" + work + "-percent";
		Map<String, String> form = new LinkedHashMap<>();
		form.put(field, text(typed, "percent"));
		return run(() -> {
			Integer percent = whole(form, field, "construction.percent.invalid");
			works.progress(user, work, new WorkProgressInput(percent));
		}, "construction.form.work.saved", "/construction/projects/" + id + "#works", Map.of(), field, "work", form,
				locale, model, response, redirect, () -> pages.projectPage(user, id, model));
	}

	/** The project if the user sees it, and they keep its books (the services check the same rule again). */
	private void plans(CurrentUser user, long id) {
		access.project(user, id);
		if (!access.plans(user, id)) {
			throw new AccessDeniedException("construction");
		}
	}

	@PostMapping("/construction/projects/{id}/spending")
	String spend(CurrentUser user, @PathVariable long id, @RequestParam Map<String, String> typed, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		plans(user, id);
		Map<String, String> fields = Map.of("construction.budget.not.found", "spend-item", "construction.amount.invalid",
				"spend-amount", "construction.date.invalid", "spend-on", "construction.note.invalid", "spend-note");
		return run(() -> {
			Long item = id(typed, "spend-item", "construction.budget.not.found");
			if (item == null || works.budget(id).stream().noneMatch(b -> b.id() == item)) {
				throw new Unreadable("spend-item", "construction.form.item.pick");
			}
			works.spend(user, item, new SpendingInput(fen(typed, "spend-amount"), date(typed, "spend-on"),
					text(typed, "spend-note")));
		}, "construction.form.spending.saved", "/construction/projects/" + id + "#money", fields, "spend-amount",
				"spend", typed, locale, model, response, redirect, () -> pages.projectPage(user, id, model));
	}

	@PostMapping("/construction/projects/{id}/training-sessions")
	String session(CurrentUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
			Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		plans(user, id);
		Map<String, String> typed = new LinkedHashMap<>(params.toSingleValueMap());
		List<String> attendees = params.getOrDefault("session-attendees", List.of());
		model.addAttribute("attendees", attendees);
		Map<String, String> fields = Map.of("construction.session.title.invalid", "session-title",
				"construction.date.invalid", "session-on", "construction.note.invalid", "session-place",
				"construction.seeker.invalid", "session-attendees");
		return run(() -> {
			List<Long> ids = new ArrayList<>();
			for (String a : attendees) {
				try {
					ids.add(Long.valueOf(a.strip()));
				}
				catch (NumberFormatException ex) {
					throw new Unreadable("session-attendees", "construction.form.attendee.invalid");
				}
			}
			jobs.holdSession(user, id, new SessionInput(text(typed, "session-title"), date(typed, "session-on"),
					text(typed, "session-place"), ids));
		}, "construction.form.session.saved", "/construction/projects/" + id + "#jobs", fields, "session-title",
				"session", typed, locale, model, response, redirect, () -> pages.projectPage(user, id, model));
	}

	@PostMapping("/construction/projects/{id}/job-seekers")
	String seeker(CurrentUser user, @PathVariable long id, @RequestParam Map<String, String> typed, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		plans(user, id);
		Map<String, String> fields = Map.of("construction.household.invalid", "seeker-household",
				"construction.seeker.name.invalid", "seeker-name", "construction.seeker.wants.invalid", "seeker-wants",
				"construction.note.invalid", "seeker-skill");
		return run(() -> jobs.register(user, id, new SeekerInput(id(typed, "seeker-household",
				"construction.household.invalid"), text(typed, "seeker-name"), text(typed, "seeker-wants"),
				text(typed, "seeker-skill"))), "construction.form.seeker.saved",
				"/construction/projects/" + id + "#jobs", fields, "seeker-name", "seeker", typed, locale, model,
				response, redirect, () -> pages.projectPage(user, id, model));
	}

	@PostMapping("/construction/projects/{id}/placements")
	String place(CurrentUser user, @PathVariable long id, @RequestParam Map<String, String> typed, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		plans(user, id);
		Map<String, String> fields = Map.of("construction.seeker.not.found", "placement-seeker",
				"construction.employer.invalid", "placement-employer", "construction.date.invalid", "placement-on");
		return run(() -> {
			Long seeker = id(typed, "placement-seeker", "construction.form.seeker.pick");
			if (seeker == null || jobs.jobs(user, id).people().stream().noneMatch(s -> s.id() == seeker)) {
				throw new Unreadable("placement-seeker", "construction.form.seeker.pick");
			}
			jobs.place(user, seeker, new PlacementInput(text(typed, "placement-employer"),
					date(typed, "placement-on")));
		}, "construction.form.placement.saved", "/construction/projects/" + id + "#jobs", fields,
				"placement-employer", "placement", typed, locale, model, response, redirect,
				() -> pages.projectPage(user, id, model));
	}
}
