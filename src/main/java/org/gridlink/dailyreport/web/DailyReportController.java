package org.gridlink.dailyreport.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.dailyreport.DailyReports;
import org.gridlink.dailyreport.FieldKind;
import org.gridlink.dailyreport.FillerLevel;
import org.gridlink.dailyreport.NewReportForm;
import org.gridlink.dailyreport.Prefill;
import org.gridlink.dailyreport.ReportField;
import org.gridlink.dailyreport.ReportForm;
import org.gridlink.dailyreport.ReportWorkbook;
import org.gridlink.dailyreport.Rollup;
import org.gridlink.dailyreport.SubmissionView;
import org.gridlink.dailyreport.ValueProblems;
import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.UserFacingException;
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
 * The pages of daily reports: the forms (the center defines them), today's report on a phone (one card per field),
 * the street's review list, the district's roll-up table, a report's history with its correction, a field's chart
 * over time and the Excel export of a day or a period in the layout of the form.
 */
@Controller
class DailyReportController {

	static final int FORM_ROWS = 12;

	private final DailyReports reports;
	private final ReportWorkbook workbook;
	private final MessageSource messages;

	DailyReportController(DailyReports reports, ReportWorkbook workbook, MessageSource messages) {
		this.reports = reports;
		this.workbook = workbook;
		this.messages = messages;
	}

	@GetMapping("/reports")
	String forms(CurrentUser user, Model model) {
		List<ReportForm> forms = reports.activeForms(user);
		model.addAttribute("forms", forms);
		Map<Long, String> fill = new LinkedHashMap<>();
		for (ReportForm form : forms) {
			List<JurisdictionNode> own = reports.ownPlaces(user, form);
			if (!own.isEmpty()) {
				fill.put(form.id(), own.get(0).code());
			}
		}
		model.addAttribute("fillPlace", fill);
		model.addAttribute("canDefine", reports.canDefine(user));
		model.addAttribute("canReview", reports.canReview(user));
		return "dailyreport/forms";
	}

	// ---------------------------------------------------------------- definition

	@GetMapping("/reports/new")
	String newForm(CurrentUser user, Model model) {
		requireDefine(user);
		return definition(model, new LinkedHashMap<>(), null);
	}

	@PostMapping("/reports")
	String create(CurrentUser user, @RequestParam Map<String, String> params, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		requireDefine(user);
		List<NewReportForm.NewField> fields = new ArrayList<>();
		for (int i = 0; i < FORM_ROWS; i++) {
			String label = params.getOrDefault("label" + i, "");
			if (label.isBlank()) {
				continue;
			}
			String options = params.getOrDefault("options" + i, "");
			fields.add(new NewReportForm.NewField(null, label, params.get("kind" + i),
					List.of(options.split("\\r?\\n")), params.get("prefill" + i), "true".equals(params.get("required" + i))));
		}
		try {
			ReportForm form = reports.create(user, new NewReportForm(params.get("name"), params.get("level"),
					params.get("deadline"), fields));
			redirect.addFlashAttribute("flash", messages.getMessage("dailyreport.form.created", null, locale));
			return "redirect:/reports/" + form.id() + "/rollup";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return definition(model, params, messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
	}

	@PostMapping("/reports/{id}/stop")
	String stop(@PathVariable long id, CurrentUser user) {
		reports.deactivate(user, id);
		return "redirect:/reports";
	}

	private String definition(Model model, Map<String, String> params, @Nullable String error) {
		model.addAttribute("params", params);
		model.addAttribute("formError", error);
		model.addAttribute("rows", java.util.stream.IntStream.range(0, FORM_ROWS).boxed().toList());
		model.addAttribute("levels", List.of(FillerLevel.COMMUNITY, FillerLevel.STREET, FillerLevel.UNIT));
		model.addAttribute("kinds", FieldKind.values());
		model.addAttribute("prefills", Prefill.values());
		return "dailyreport/new";
	}

	// ---------------------------------------------------------------- fill in

	@GetMapping("/reports/{id}/fill")
	String fill(@PathVariable long id, @RequestParam(required = false) @Nullable String place,
			@RequestParam(required = false) @Nullable String date, CurrentUser user, Model model) {
		ReportForm form = reports.form(user, id);
		List<JurisdictionNode> own = reports.ownPlaces(user, form);
		String code = place != null && !place.isBlank() ? place : own.isEmpty() ? null : own.get(0).code();
		if (code == null) {
			throw new AccessDeniedException("this user fills no place of this form in");
		}
		LocalDate day = reports.day(date);
		return fillPage(model, form, own, reports.get(user, id, code, day), null, null);
	}

	@PostMapping("/reports/{id}/fill")
	String fillIn(@PathVariable long id, @RequestParam String place, @RequestParam(required = false) @Nullable String date,
			@RequestParam(defaultValue = "submit") String action, @RequestParam Map<String, String> params,
			CurrentUser user, Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		ReportForm form = reports.form(user, id);
		LocalDate day = reports.day(date);
		Map<String, Object> values = values(form, params);
		try {
			reports.fill(user, id, place, day, values, !"save".equals(action));
		}
		catch (ValueProblems ex) {
			FormErrors errors = FormErrors.in(messages, locale);
			for (ValueProblems.Problem p : ex.problems()) {
				errors.addKey("v_" + p.field(), p.messageKey(), p.arguments());
			}
			response.setStatus(400);
			SubmissionView current = reports.get(user, id, place, day);
			return fillPage(model, form, reports.ownPlaces(user, form), current, errors, values);
		}
		redirect.addFlashAttribute("flash", messages.getMessage("dailyreport.fill.saved", null, locale));
		return "redirect:/reports/" + id + "/fill?place=" + place + "&date=" + day;
	}

	private String fillPage(Model model, ReportForm form, List<JurisdictionNode> own, SubmissionView report,
			@Nullable FormErrors errors, @Nullable Map<String, Object> typed) {
		model.addAttribute("form", form);
		model.addAttribute("report", report);
		model.addAttribute("places", own);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed != null ? typed : report.values());
		model.addAttribute("deadline", reports.deadlineOf(form, report.date()));
		model.addAttribute("pastDeadline", reports.pastDeadline(form, report.date()));
		return "dailyreport/fill";
	}

	private static Map<String, Object> values(ReportForm form, Map<String, String> params) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (ReportField f : form.fields()) {
			String v = params.get("v_" + f.key());
			if (v != null) {
				values.put(f.key(), v);
			}
		}
		return values;
	}

	// ---------------------------------------------------------------- review

	@GetMapping("/reports/review")
	String review(CurrentUser user, Model model) {
		if (!reports.canReview(user)) {
			throw new AccessDeniedException("reports are reviewed by streets and the center");
		}
		List<SubmissionView> waiting = reports.toReview(user);
		Map<Long, ReportForm> forms = new LinkedHashMap<>();
		for (SubmissionView s : waiting) {
			forms.computeIfAbsent(s.formId(), fid -> reports.form(user, fid));
		}
		model.addAttribute("waiting", waiting);
		model.addAttribute("forms", forms);
		return "dailyreport/review";
	}

	@PostMapping("/reports/submissions/{sid}/return")
	String sendBack(@PathVariable long sid, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Integer version, CurrentUser user, Locale locale,
			RedirectAttributes redirect) {
		return step(() -> reports.sendBack(user, sid, note, version), locale, redirect);
	}

	@PostMapping("/reports/submissions/{sid}/accept")
	String accept(@PathVariable long sid, @RequestParam(required = false) @Nullable Integer version, CurrentUser user,
			Locale locale, RedirectAttributes redirect) {
		return step(() -> reports.accept(user, sid, version), locale, redirect);
	}

	private String step(Runnable step, Locale locale, RedirectAttributes redirect) {
		try {
			step.run();
			redirect.addFlashAttribute("flash", messages.getMessage("dailyreport.fill.saved", null, locale));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "redirect:/reports/review";
	}

	// ---------------------------------------------------------------- one report: history and correction

	@GetMapping("/reports/submissions/{sid}")
	String submission(@PathVariable long sid, CurrentUser user, Model model) {
		SubmissionView report = reports.get(user, sid);
		return submissionPage(model, user, report, null, report.values(), null);
	}

	@PostMapping("/reports/submissions/{sid}/correct")
	String correct(@PathVariable long sid, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable Integer version, @RequestParam Map<String, String> params,
			CurrentUser user, Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		SubmissionView report = reports.get(user, sid);
		ReportForm form = reports.form(user, report.formId());
		Map<String, Object> values = values(form, params);
		try {
			reports.correct(user, sid, values, reason, version);
		}
		catch (ValueProblems ex) {
			FormErrors errors = FormErrors.in(messages, locale);
			for (ValueProblems.Problem p : ex.problems()) {
				errors.addKey("v_" + p.field(), p.messageKey(), p.arguments());
			}
			response.setStatus(400);
			return submissionPage(model, user, report, errors, values, reason);
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			FormErrors errors = FormErrors.in(messages, locale).add("reason", ex);
			return submissionPage(model, user, report, errors, values, reason);
		}
		redirect.addFlashAttribute("flash", messages.getMessage("dailyreport.fill.saved", null, locale));
		return "redirect:/reports/submissions/" + sid;
	}

	private String submissionPage(Model model, CurrentUser user, SubmissionView report, @Nullable FormErrors errors,
			Map<String, Object> typed, @Nullable String reason) {
		model.addAttribute("form", reports.form(user, report.formId()));
		model.addAttribute("report", report);
		model.addAttribute("history", reports.history(user, report.id()));
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("reason", reason);
		return "dailyreport/submission";
	}

	// ---------------------------------------------------------------- roll-up, chart, export

	@GetMapping("/reports/{id}/rollup")
	String rollup(@PathVariable long id, @RequestParam(required = false) @Nullable String date,
			@RequestParam(required = false) @Nullable String jurisdiction, CurrentUser user, Model model) {
		ReportForm form = reports.form(user, id);
		LocalDate day = reports.day(date);
		Rollup rollup = reports.rollup(user, id, day, jurisdiction);
		model.addAttribute("form", form);
		model.addAttribute("rollup", rollup);
		model.addAttribute("day", day);
		model.addAttribute("previous", day.minusDays(1));
		model.addAttribute("next", day.plusDays(1).isAfter(reports.today()) ? null : day.plusDays(1));
		model.addAttribute("numeric", form.fields().stream().filter(ReportField::numeric).toList());
		model.addAttribute("from", day.minusDays(29));
		return "dailyreport/rollup";
	}

	@GetMapping("/reports/{id}/chart")
	String chart(@PathVariable long id, @RequestParam(required = false) @Nullable String field,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String jurisdiction, CurrentUser user, Model model) {
		ReportForm form = reports.form(user, id);
		List<ReportField> numeric = form.fields().stream().filter(ReportField::numeric).toList();
		if (numeric.isEmpty()) {
			throw new InvalidInputException("dailyreport.field.invalid", "");
		}
		String key = field == null || field.isBlank() ? numeric.get(0).key() : field;
		LocalDate end = reports.day(to);
		LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : reports.day(from);
		model.addAttribute("form", form);
		model.addAttribute("numeric", numeric);
		model.addAttribute("series", reports.series(user, id, key, jurisdiction, start, end));
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("jurisdiction", jurisdiction);
		return "dailyreport/chart";
	}

	@GetMapping("/reports/{id}/export.xlsx")
	void export(@PathVariable long id, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String jurisdiction,
			CurrentUser user, Locale locale, HttpServletResponse response) throws IOException {
		ReportForm form = reports.form(user, id);
		LocalDate end = reports.day(to);
		LocalDate start = from == null || from.isBlank() ? end : reports.day(from);
		List<SubmissionView> rows = reports.period(user, id, jurisdiction, start, end);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"report-" + id + "-" + start
				+ (start.equals(end) ? "" : "-" + end) + ".xlsx\"");
		workbook.write(form, start, end, rows, locale, response.getOutputStream());
	}

	private void requireDefine(CurrentUser user) {
		if (!reports.canDefine(user)) {
			throw new AccessDeniedException("report forms are defined by the center");
		}
	}
}
