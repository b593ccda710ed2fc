package org.gridlink.cases.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gridlink.cases.CaseAction;
import org.gridlink.cases.CaseCategories;
import org.gridlink.cases.CaseCategory;
import org.gridlink.cases.CaseDirectory;
import org.gridlink.cases.CaseHistoryLines;
import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CasePhotos;
import org.gridlink.cases.CaseQuery;
import org.gridlink.cases.CaseStatus;
import org.gridlink.cases.CaseSummary;
import org.gridlink.cases.CaseView;
import jakarta.validation.Valid;

import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.ConflictException;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.ListPage;
import org.gridlink.platform.NotFoundException;
import org.gridlink.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case list (filters, paging, counts, CSV export) and a case's page: header, place, time limit, units, history,
 * near-duplicates and a small form for each step the caller may take now — nothing else. Steps post the version the
 * page showed; a stale page is sent back with the "reload" message.
 */
@Controller
class CaseController {

	static final int PAGE_SIZE = 20;
	private static final int EXPORT_PAGE = 1000;
	private static final int EXPORT_MAX_PAGES = 100;

	private final CaseManagement cases;
	private final CaseCategories categories;
	private final CaseDirectory directory;
	private final MessageSource messages;
	private final AuditTrail audit;
	private final CaseTimes times;
	private final CasePhotos photos;
	private final CaseHistoryLines historyLines;

	private final org.gridlink.cases.CaseRetention retention;
	private final CaseFilterOptions filterOptions = new CaseFilterOptions();

	CaseController(CaseManagement cases, CaseCategories categories, CaseDirectory directory, MessageSource messages,
			AuditTrail audit, CaseTimes times, CasePhotos photos, CaseHistoryLines historyLines,
			org.gridlink.cases.CaseRetention retention) {
		this.retention = retention;
		this.historyLines = historyLines;
		this.times = times;
		this.photos = photos;
		this.cases = cases;
		this.categories = categories;
		this.directory = directory;
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * The list's filters as typed (bound from the query string; kept as text so the form shows them back as typed);
	 * {@code category} is the minor class if chosen, else the major class.
	 */
	record Filters(String status, String major, String minor, String unit, String jurisdiction, String overdue,
			String q) {

		Filters(@Nullable String status, @Nullable String major, @Nullable String minor, @Nullable String unit,
				@Nullable String jurisdiction, @Nullable String overdue, @Nullable String q) {
			this.status = typed(status);
			this.major = typed(major);
			this.minor = typed(minor);
			this.unit = typed(unit);
			this.jurisdiction = typed(jurisdiction);
			this.overdue = typed(overdue);
			this.q = typed(q);
		}

		private static String typed(@Nullable String text) {
			return text == null ? "" : text.strip();
		}

		@Nullable
		String category() {
			return !minor.isBlank() ? minor : major.isBlank() ? null : major;
		}

		CaseQuery query() {
			return new CaseQuery(CaseController.status(status), category(), CaseController.number(unit), blankToNull(jurisdiction),
					overdue.equals("true") ? Boolean.TRUE : overdue.equals("false") ? Boolean.FALSE : null,
					blankToNull(q));
		}

		Map<String, String> params() {
			Map<String, String> p = new LinkedHashMap<>();
			p.put("status", status);
			p.put("major", major);
			p.put("minor", minor);
			p.put("unit", unit);
			p.put("jurisdiction", jurisdiction);
			p.put("overdue", overdue);
			p.put("q", q);
			return p;
		}
	}

	@GetMapping("/cases")
	String list(Filters filters, @RequestParam(defaultValue = "0") int page, CurrentUser user, Model model,
			Locale locale) {
		Page<CaseSummary> found;
		try {
			found = cases.list(user, filters.query(), PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("filterError",
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
			found = new PageImpl<>(List.of(), PageRequest.of(0, PAGE_SIZE), 0);
		}
		model.addAttribute("cases", found);
		model.addAttribute("totalEstimated", found instanceof ListPage<?> listed && listed.isTotalEstimated());
		model.addAttribute("filters", filters);
		model.addAttribute("statuses", CaseStatus.values());
		String lang = locale.getLanguage().equals("en") ? "en" : "zh-CN";
		List<CaseCategory> all = categories.all();
		model.addAttribute("majorOptions", filterOptions.majors(all, lang, filters.major()));
		model.addAttribute("minorOptions", filterOptions.minors(all, lang, filters.minor()));
		model.addAttribute("unitOptions", filterOptions.units(directory.units(), filters.unit()));
		model.addAttribute("scopeOptions", filterOptions.scopeCodes(user.scope().codes().stream().sorted().toList()));
		model.addAttribute("canReport", cases.canReport(user));
		model.addAttribute("isCenter", user.has(Role.CENTER));
		return "cases/list";
	}

	/** The filtered list as CSV (UTF-8 with BOM for Excel): no reporter or contact data; at most 100,000 rows; audited. */
	@GetMapping(value = "/cases/export.csv", produces = "text/csv;charset=UTF-8")
	@ResponseBody
	ResponseEntity<byte[]> export(Filters filters, CurrentUser user, Locale locale) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(String.join(",", Arrays.stream(new String[] { "number", "status", "category", "description",
				"jurisdiction", "address", "leadUnit", "reportedAt", "deadlineAt", "timeState" })
				.map(k -> CsvCells.cell(messages.getMessage("cases.col." + k, null, locale))).toList()))
				.append("\r\n");
		int page = 0;
		long rows = 0;
		Page<CaseSummary> found;
		do {
			found = cases.list(user, filters.query(), PageRequest.of(page++, EXPORT_PAGE));
			for (CaseSummary c : found) {
				String state = CaseTimes.state(c.status(), c.warned(), c.overdue());
				csv.append(String.join(",", List.of(CsvCells.cell(c.number()),
						CsvCells.cell(messages.getMessage("cases.status." + c.status(), null, locale)),
						CsvCells.cell(c.categoryCode() + " " + c.categoryName()), CsvCells.cell(c.description()),
						CsvCells.cell(c.jurisdictionCode()), CsvCells.cell(c.address()),
						CsvCells.cell(c.leadUnitName() == null ? "" : c.leadUnitName()),
						CsvCells.cell(times.format(c.reportedAt())), CsvCells.cell(times.format(c.deadlineAt())),
						CsvCells.cell(messages.getMessage("cases.state." + state, null, locale)))))
						.append("\r\n");
				rows++;
			}
		}
		while (found.hasNext() && page < EXPORT_MAX_PAGES);
		audit.record("CASE_EXPORT", "cases", filters.jurisdiction().isEmpty() ? "scope" : filters.jurisdiction(),
				AuditTrail.SUCCESS, "rows=" + rows);
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cases.csv\"")
				.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
				.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/cases/{id:\\d+}")
	String detail(@PathVariable long id, CurrentUser user, Model model, Locale locale) {
		CaseManagement.CasePage page = cases.page(user, id);
		CaseView view = page.view();
		Set<CaseAction> allowed = page.allowed();
		model.addAttribute("c", view);
		model.addAttribute("removedAfterDays", retention.removedAfterDays(id).orElse(null));
		Map<String, String> people = new HashMap<>();
		model.addAttribute("history", historyLines.of(view, locale, people));
		model.addAttribute("reporter", people.computeIfAbsent(view.reporter(), r -> historyLines.person(r, locale)));
		model.addAttribute("allowed", allowed);
		model.addAttribute("actions", Arrays.stream(CaseAction.values()).filter(allowed::contains).toList());
		model.addAttribute("canMerge", allowed.contains(CaseAction.MERGE));
		model.addAttribute("state", CaseTimes.state(view.status(), view.warned(), view.overdue()));
		if (allowed.contains(CaseAction.DISPATCH)) {
			model.addAttribute("route", cases.suggestRoute(user, id));
			model.addAttribute("units", directory.units());
		}
		if (allowed.contains(CaseAction.FILE)) {
			model.addAttribute("minorsByMajor", minorsByMajor(true));
		}
		model.addAttribute("photos", photos.list(user, id));
		model.addAttribute("canAddPhotos", page.mayAddPhotos());
		model.addAttribute("canAddFeedbackPhotos", page.mayAddFeedbackPhotos());
		model.addAttribute("references", cases.references(id));
		boolean canReference = page.mayReference();
		model.addAttribute("canReference", canReference);
		model.addAttribute("offered", canReference ? cases.offeredReferences(50) : List.of());
		return "cases/detail";
	}

	/**
	 * Answers the case by pointing to a published public answer (those who act on the case); back to the page with a
	 * flash message.
	 */
	@PostMapping("/cases/{id:\\d+}/references")
	String addReference(@PathVariable long id, @RequestParam(required = false) @Nullable String key,
			CurrentUser user, RedirectAttributes redirect, Locale locale) {
		try {
			boolean added = cases.addReference(user, id, key);
			redirect.addFlashAttribute("flash", messages.getMessage(added ? "cases.reference.added"
					: "cases.reference.already", null, locale));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError",
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
		}
		return "redirect:/cases/" + id;
	}

	/** Photos added from the case page (by those who act on the case, {@link CasePhotos#mayAdd}; feedback photos by its unit). */
	@PostMapping("/cases/{id:\\d+}/photos")
	String addPhotos(@PathVariable long id, @RequestParam(defaultValue = CasePhotos.REPORT) String stage,
			@RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> files,
			CurrentUser user, RedirectAttributes redirect, Locale locale) {
		try {
			List<String> refused = CasePhotoUploads.add(photos, user, id, stage, files, messages, locale);
			if (refused.isEmpty()) {
				redirect.addFlashAttribute("flash", messages.getMessage("cases.photos.added", null, locale));
			}
			else {
				redirect.addFlashAttribute("flashError", String.join(" ", refused));
			}
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError",
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
		}
		return "redirect:/cases/" + id;
	}

	/** The page comes back here when the photos were too large to be read at all (see the upload limit filter). */
	@GetMapping(value = "/cases/{id:\\d+}/photos", params = "tooLarge")
	String photosTooLarge(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
		redirect.addFlashAttribute("flashError", messages.getMessage("cases.photos.tooLarge", null, locale));
		return "redirect:/cases/" + id;
	}

	/** The history alone, for the page's refresh button (htmx). */
	@GetMapping("/cases/{id:\\d+}/history")
	String history(@PathVariable long id, CurrentUser user, Model model, Locale locale) {
		CaseView view = cases.get(user, id);
		model.addAttribute("c", view);
		model.addAttribute("history", historyLines.of(view, locale));
		return "cases/detail :: history";
	}

	/**
	 * One step from the case page; back to the page with a flash message either way (post/redirect/get). The form is
	 * bound to {@link ActionForm}; a field that does not parse is refused before the module is asked.
	 */
	@PostMapping("/cases/{id:\\d+}/actions/{action}")
	String act(@PathVariable long id, @PathVariable String action, @Valid ActionForm form, BindingResult binding,
			CurrentUser user, RedirectAttributes redirect, Locale locale) {
		CaseAction step = CaseAction.fromPath(action)
				.orElseThrow(() -> new NotFoundException("cases.action.unknown", action));
		if (binding.hasErrors()) {
			FieldError error = binding.getFieldError();
			redirect.addFlashAttribute("flashError", messages.getMessage(ActionForm.messageKey(error),
					new Object[] { error == null ? "" : String.valueOf(error.getRejectedValue()) }, locale));
			redirect.addFlashAttribute("failedAction", step.path());
			Object note = binding.getFieldValue("note");
			redirect.addFlashAttribute("typedNote", note == null ? "" : note.toString());
			return "redirect:/cases/" + id;
		}
		try {
			CaseView after = cases.act(user, id, step, form.input());
			redirect.addFlashAttribute("flash", messages.getMessage("cases.done",
					new Object[] { label(step, locale), messages.getMessage("cases.status." + after.status(), null, locale) },
					locale) + " (" + after.number() + ")");
			if (!cases.canSee(user, id)) {
				return "redirect:/cases";
			}
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError",
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
			redirect.addFlashAttribute("failedAction", step.path());
			redirect.addFlashAttribute("typedNote", form.note() == null ? "" : form.note());
			if (ex.messageKey().startsWith("cases.jurisdiction.")) {
				// the place code typed on the file form comes back with its message beside it
				redirect.addFlashAttribute("placeError", true);
				redirect.addFlashAttribute("typedPlace", form.jurisdictionCode() == null ? "" : form.jurisdictionCode());
			}
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError",
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
			redirect.addFlashAttribute("conflict", true);
		}
		return "redirect:/cases/" + id;
	}

	private String label(CaseAction action, Locale locale) {
		return messages.getMessage("cases.action." + action.path(), null, action.path(), locale);
	}

	/** Active minor classes grouped under their major class (all minors for filters, active ones for choosing). */
	Map<CaseCategory, List<CaseCategory>> minorsByMajor(boolean activeOnly) {
		return CaseCategoryGroups.group(categories.all(), activeOnly);
	}

	static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	static @Nullable CaseStatus status(String text) {
		try {
			return text.isBlank() ? null : CaseStatus.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static @Nullable Long number(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1L;
		}
	}

	static @Nullable Integer integer(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
