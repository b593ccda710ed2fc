package org.gridlink.cases.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridlink.cases.CaseCategories;
import org.gridlink.cases.CaseCategory;
import org.gridlink.cases.CaseDirectory;
import org.gridlink.cases.CaseView;
import org.gridlink.cases.RoutingRules;
import org.gridlink.cases.WorkingCalendars;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Case settings: the category code table (system admin), routing rules and the working calendar (command center or
 * system admin). Each page lists what is set and has a form to add or change it; the facades check the roles again.
 */
@Controller
class CaseAdminController {

	private final CaseCategories categories;
	private final RoutingRules routing;
	private final WorkingCalendars calendars;
	private final CaseDirectory directory;
	private final MessageSource messages;
	private final Clock clock;

	CaseAdminController(CaseCategories categories, RoutingRules routing, WorkingCalendars calendars,
			CaseDirectory directory, MessageSource messages, Clock clock) {
		this.clock = clock;
		this.categories = categories;
		this.routing = routing;
		this.calendars = calendars;
		this.directory = directory;
		this.messages = messages;
	}

	// ---- categories (admin) ----

	@GetMapping("/cases/admin/categories")
	String categories(@RequestParam(defaultValue = "") String edit, CurrentUser user, Model model) {
		require(user, Role.ADMIN);
		Map<String, String> form = new LinkedHashMap<>();
		categories.find(edit.strip()).ifPresentOrElse(c -> {
			form.put("code", c.code());
			form.put("nameZh", c.nameZh());
			form.put("nameEn", c.nameEn());
			form.put("filingCondition", c.filingCondition());
			form.put("closingCondition", c.closingCondition());
			form.put("timeLimit", c.timeLimit() == null ? "" : String.valueOf(c.timeLimit()));
			form.put("timeUnit", c.timeUnit() == null ? CaseCategory.WORK_HOURS : c.timeUnit());
			form.put("active", String.valueOf(c.active()));
			form.put("editing", "true");
		}, () -> {
			form.put("timeUnit", CaseCategory.WORK_HOURS);
			form.put("active", "true");
		});
		return categoriesPage(model, form, FormErrors.in(messages, Locale.ROOT));
	}

	@PostMapping("/cases/admin/categories")
	String saveCategory(@RequestParam Map<String, String> params, CurrentUser user, Model model, Locale locale,
			RedirectAttributes redirect) {
		require(user, Role.ADMIN);
		Map<String, String> form = CaseReportController.typed(params, "code", "nameZh", "nameEn", "filingCondition",
				"closingCondition", "timeLimit", "timeUnit", "active", "editing");
		form.put("active", String.valueOf("true".equals(form.get("active"))));
		FormErrors errors = FormErrors.in(messages, locale);
		Integer limit = null;
		if (!form.get("timeLimit").isEmpty()) {
			limit = CaseController.integer(form.get("timeLimit"));
			if (limit == null) {
				errors.addKey("timeLimit", "cases.category.limit.invalid");
			}
		}
		if (errors.isEmpty()) {
			try {
				String code = form.get("code");
				CaseCategory saved = categories.save(user, new CaseCategory(code, null, "", form.get("nameZh"),
						form.get("nameEn"), form.get("filingCondition"), form.get("closingCondition"), limit,
						form.get("timeUnit").isEmpty() ? null : form.get("timeUnit"), "true".equals(form.get("active"))));
				redirect.addFlashAttribute("flash", messages.getMessage("cases.admin.saved",
						new Object[] { saved.code() }, locale));
				return "redirect:/cases/admin/categories";
			}
			catch (InvalidInputException ex) {
				String key = ex.messageKey();
				errors.add(key.contains("code") || key.contains("major") ? "code"
						: key.contains("name") ? "nameZh" : key.contains("limit") ? "timeLimit" : "code", ex);
			}
		}
		return categoriesPage(model, form, errors);
	}

	private String categoriesPage(Model model, Map<String, String> form, FormErrors errors) {
		model.addAttribute("groups", CaseCategoryGroups.group(categories.all(), false));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("tab", "categories");
		model.addAttribute("isAdmin", true);
		return "cases/admin/categories";
	}

	// ---- routing rules (center, admin) ----

	/** A rule as the page lists it, with names in place of ids. */
	record RuleRow(long id, String categoryCode, String categoryName, String jurisdictionPrefix, String leadUnit,
			List<String> assistingUnits, boolean suggestPolice, boolean suggestProperty) {
	}

	@GetMapping("/cases/admin/routing")
	String routing(CurrentUser user, Model model, Locale locale) {
		require(user, Role.ADMIN, Role.CENTER);
		Map<String, String> form = new LinkedHashMap<>();
		return routingPage(user, model, form, List.of(), FormErrors.in(messages, Locale.ROOT), locale);
	}

	@PostMapping("/cases/admin/routing")
	String saveRule(@RequestParam Map<String, String> params,
			@RequestParam(required = false) @Nullable List<String> assistingUnitIds, CurrentUser user, Model model,
			Locale locale, RedirectAttributes redirect) {
		require(user, Role.ADMIN, Role.CENTER);
		Map<String, String> form = CaseReportController.typed(params, "categoryCode", "jurisdiction", "leadUnitId",
				"suggestPolice", "suggestProperty");
		List<String> assistingTyped = assistingUnitIds == null ? List.of() : assistingUnitIds;
		FormErrors errors = FormErrors.in(messages, locale);
		if (form.get("categoryCode").isEmpty()) {
			errors.addKey("categoryCode", "cases.category.required");
		}
		if (form.get("jurisdiction").isEmpty()) {
			errors.addKey("jurisdiction", "cases.routing.jurisdiction.required");
		}
		Long lead = CaseController.number(form.get("leadUnitId"));
		List<Long> knownUnits = directory.units().stream().map(CaseView.UnitRef::id).toList();
		if (lead == null || !knownUnits.contains(lead)) {
			errors.addKey("leadUnitId", "cases.routing.lead.required");
		}
		List<Long> assisting = new ArrayList<>();
		for (String u : assistingTyped) {
			Long id = CaseController.number(u);
			if (id == null || !knownUnits.contains(id)) {
				errors.addKey("assistingUnitIds", "cases.unit.invalid", u);
			}
			else {
				assisting.add(id);
			}
		}
		if (errors.isEmpty()) {
			try {
				routing.save(user, form.get("categoryCode"), form.get("jurisdiction"), lead, assisting,
						"true".equals(form.get("suggestPolice")), "true".equals(form.get("suggestProperty")));
				redirect.addFlashAttribute("flash", messages.getMessage("cases.admin.saved",
						new Object[] { form.get("categoryCode") + " @ " + form.get("jurisdiction") }, locale));
				return "redirect:/cases/admin/routing";
			}
			catch (InvalidInputException ex) {
				errors.add(ex.messageKey().startsWith("cases.category") ? "categoryCode" : "jurisdiction", ex);
			}
		}
		return routingPage(user, model, form, assistingTyped, errors, locale);
	}

	@PostMapping("/cases/admin/routing/{id}/delete")
	String deleteRule(@PathVariable long id, CurrentUser user, Locale locale, RedirectAttributes redirect) {
		routing.delete(require(user, Role.ADMIN, Role.CENTER), id);
		redirect.addFlashAttribute("flash", messages.getMessage("cases.admin.deleted", null, locale));
		return "redirect:/cases/admin/routing";
	}

	private String routingPage(CurrentUser user, Model model, Map<String, String> form, List<String> assisting, FormErrors errors,
			Locale locale) {
		Map<Long, String> names = new LinkedHashMap<>();
		directory.units().forEach(u -> names.put(u.id(), u.name()));
		List<RuleRow> rows = routing.all().stream().map(r -> new RuleRow(r.id(), r.categoryCode(),
				categories.find(r.categoryCode()).map(c -> c.name(locale)).orElse(r.categoryCode()),
				r.jurisdictionPrefix(), names.getOrDefault(r.leadUnitId(), "#" + r.leadUnitId()),
				r.assistingUnitIds().stream().map(u -> names.getOrDefault(u, "#" + u)).toList(), r.suggestPolice(),
				r.suggestProperty())).toList();
		model.addAttribute("rules", rows);
		model.addAttribute("units", directory.units());
		model.addAttribute("allCategories", categories.all());
		model.addAttribute("form", form);
		model.addAttribute("assisting", assisting);
		model.addAttribute("errors", errors);
		model.addAttribute("tab", "routing");
		model.addAttribute("isAdmin", user.has(Role.ADMIN));
		return "cases/admin/routing";
	}

	// ---- working calendar (center, admin) ----

	@GetMapping("/cases/admin/calendar")
	String calendar(@RequestParam(required = false) @Nullable Integer year, CurrentUser user, Model model) {
		require(user, Role.ADMIN, Role.CENTER);
		return calendarPage(user, model, year, new LinkedHashMap<>(), FormErrors.in(messages, Locale.ROOT));
	}

	@PostMapping("/cases/admin/calendar")
	String setDay(@RequestParam Map<String, String> params, CurrentUser user, Model model, Locale locale,
			RedirectAttributes redirect) {
		require(user, Role.ADMIN, Role.CENTER);
		Map<String, String> form = CaseReportController.typed(params, "day", "working", "note");
		FormErrors errors = FormErrors.in(messages, locale);
		LocalDate day = date(form.get("day"));
		if (day == null) {
			errors.addKey("day", "cases.calendar.day.invalid");
		}
		if (errors.isEmpty()) {
			try {
				calendars.setDay(user, day, "true".equals(form.get("working")), form.get("note"));
				redirect.addFlashAttribute("flash", messages.getMessage("cases.admin.saved",
						new Object[] { day.toString() }, locale));
				return "redirect:/cases/admin/calendar?year=" + day.getYear();
			}
			catch (InvalidInputException ex) {
				errors.add("note", ex);
			}
		}
		return calendarPage(user, model, day == null ? null : day.getYear(), form, errors);
	}

	@PostMapping("/cases/admin/calendar/remove")
	String removeDay(@RequestParam String day, CurrentUser user, Locale locale, RedirectAttributes redirect) {
		require(user, Role.ADMIN, Role.CENTER);
		LocalDate date = date(day);
		if (date == null) {
			redirect.addFlashAttribute("flashError", messages.getMessage("cases.calendar.day.invalid", null, locale));
			return "redirect:/cases/admin/calendar";
		}
		calendars.removeDay(user, date);
		redirect.addFlashAttribute("flash", messages.getMessage("cases.admin.deleted", null, locale));
		return "redirect:/cases/admin/calendar?year=" + date.getYear();
	}

	private String calendarPage(CurrentUser user, Model model, @Nullable Integer year, Map<String, String> form,
			FormErrors errors) {
		int thisYear = LocalDate.now(clock).getYear();
		int shown = year == null || year < 2000 || year > 2100 ? thisYear : year;
		model.addAttribute("year", shown);
		model.addAttribute("years", List.of(thisYear - 1, thisYear, thisYear + 1, thisYear + 2));
		model.addAttribute("days", calendars.days(shown));
		model.addAttribute("nextYearMissing", calendars.days(thisYear + 1).isEmpty());
		model.addAttribute("nextYear", thisYear + 1);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("tab", "calendar");
		model.addAttribute("isAdmin", user.has(Role.ADMIN));
		return "cases/admin/calendar";
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static CurrentUser require(CurrentUser user, Role... roles) {
		if (!user.hasAny(roles)) {
			throw new AccessDeniedException("case settings");
		}
		return user;
	}
}
