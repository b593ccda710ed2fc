package org.gridlink.cases.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.cases.CaseKpis;
import org.gridlink.cases.CaseLine;
import org.gridlink.platform.AuditTrail;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.gridlink.platform.SpreadsheetCells;

/**
 * The KPI page: a period (this month, last month or custom days), a jurisdiction, the units ranked by on-time
 * closure rate with every figure linked to its cases, a bar chart and a CSV export.
 */
@Controller
class CaseKpiController {

	private static final int PAGE_SIZE = 50;

	private final CaseKpis kpis;
	private final MessageSource messages;
	private final AuditTrail audit;

	CaseKpiController(CaseKpis kpis, MessageSource messages, AuditTrail audit) {
		this.kpis = kpis;
		this.messages = messages;
		this.audit = audit;
	}

	/** The period chosen on the page. */
	record Period(String name, LocalDate from, LocalDate to) {
	}

	@GetMapping("/cases/kpis")
	String page(@RequestParam(defaultValue = "this") String period, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @Nullable Long unit, CurrentUser user, Model model, Locale locale,
			HttpServletResponse response) {
		require(user);
		model.addAttribute("scopeCodes", user.scope().codes().stream().sorted().toList());
		model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction.strip());
		model.addAttribute("unit", unit);
		Period chosen = new Period("this", kpis.today().withDayOfMonth(1), kpis.today());
		try {
			chosen = period(period, from, to);
			model.addAttribute("report", kpis.report(user, chosen.from(), chosen.to(), jurisdiction, unit));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
		}
		model.addAttribute("period", chosen);
		return "cases/kpis";
	}

	@GetMapping("/cases/kpis/cases")
	String cases(@RequestParam(defaultValue = "") String metric, @RequestParam(defaultValue = "this") String period,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(defaultValue = "0") int page,
			CurrentUser user, Model model, Locale locale, HttpServletResponse response) {
		require(user);
		model.addAttribute("metric", metric);
		model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction.strip());
		model.addAttribute("unit", unit);
		Period chosen = new Period("this", kpis.today().withDayOfMonth(1), kpis.today());
		try {
			chosen = period(period, from, to);
			CaseKpis.Metric which = CaseKpis.Metric.fromPath(metric)
					.orElseThrow(() -> new InvalidInputException("cases.kpi.metric.invalid", metric));
			Page<CaseLine> cases = kpis.cases(user, which, chosen.from(), chosen.to(), jurisdiction, unit,
					PageRequest.of(Math.max(0, page), PAGE_SIZE));
			model.addAttribute("cases", cases);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
		}
		model.addAttribute("period", chosen);
		return "cases/kpi-cases";
	}

	/** The table as CSV (UTF-8 with BOM for Excel): the total, then the units in rank order; audited. */
	@GetMapping(value = "/cases/kpis.csv", produces = "text/csv;charset=UTF-8")
	@ResponseBody
	ResponseEntity<byte[]> export(@RequestParam(defaultValue = "this") String period,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @Nullable Long unit, CurrentUser user, Locale locale) {
		require(user);
		Period chosen = period(period, from, to);
		CaseKpis.KpiReport report = kpis.report(user, chosen.from(), chosen.to(), jurisdiction, unit);
		StringBuilder csv = new StringBuilder("\uFEFF");
		List<String> columns = List.of("unit", "reports", "decided", "filed", "rejected", "dispatched", "due", "closed",
				"closedOnTime", "rework", "extension", "evaluated", "satisfied", "filingRate", "dispatchRate",
				"closureRate", "onTimeRate", "reworkRate", "extensionRate", "satisfactionRate", "satisfactionAverage", "dissatisfied",
				"dissatisfiedRate");
		csv.append(String.join(",", columns.stream()
				.map(c -> cell(messages.getMessage("cases.kpi.col." + c, null, c, locale))).toList())).append("\r\n");
		row(csv, report.total(), messages.getMessage("cases.kpi.total", null, locale));
		report.units().forEach(r -> row(csv, r, r.unitName()));
		audit.record("CASE_KPI_EXPORT", "caseKpis", chosen.from() + ".." + chosen.to(), AuditTrail.SUCCESS,
				"jurisdiction=" + (jurisdiction == null ? "" : jurisdiction) + " unit=" + (unit == null ? "" : unit)
						+ " rows=" + (report.units().size() + 1));
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-kpis-" + chosen.from() + "-"
						+ chosen.to() + ".csv\"")
				.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
				.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** A bad period or filter of the CSV export: 400 with the message as text. */
	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<String> invalid(InvalidInputException ex, Locale locale) {
		return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
				.body(messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
	}

	private static void row(StringBuilder csv, CaseKpis.KpiRow r, String name) {
		Object[] values = { r.reports(), r.decided(), r.filed(), r.rejected(), r.dispatched(), r.due(), r.closed(),
				r.closedOnTime(), r.reworks(), r.extensions(), r.evaluations(), r.satisfied(), r.filingRate(),
				r.dispatchRate(), r.closureRate(), r.onTimeRate(), r.reworkRate(), r.extensionRate(),
				r.satisfactionRate(), r.satisfactionAverage(), r.dissatisfied(), r.dissatisfiedRate() };
		csv.append(cell(name));
		for (Object v : values) {
			csv.append(',');
			if (v instanceof Double d) {
				csv.append(String.format(Locale.ROOT, "%.4f", d));
			}
			else if (v != null) {
				csv.append(v);
			}
		}
		csv.append("\r\n");
	}

	/** A CSV cell, quoted when needed and never read as a formula by Excel. */
	static String cell(@Nullable String value) {
		return SpreadsheetCells.csvField(value);
	}

	private Period period(String name, @Nullable String from, @Nullable String to) {
		LocalDate today = kpis.today();
		return switch (name) {
			case "this" -> new Period(name, today.withDayOfMonth(1), today);
			case "last" -> {
				LocalDate first = today.withDayOfMonth(1).minusMonths(1);
				yield new Period(name, first, first.plusMonths(1).minusDays(1));
			}
			case "custom" -> new Period(name, date(from), date(to));
			default -> throw new InvalidInputException("cases.kpi.period.unknown", name);
		};
	}

	private static LocalDate date(@Nullable String value) {
		try {
			return LocalDate.parse(value == null ? "" : value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException("cases.kpi.date.invalid", value == null ? "" : value);
		}
	}

	private static void require(CurrentUser user) {
		if (!CaseKpis.canRead(user)) {
			throw new AccessDeniedException("KPIs are for the center, leaders and department handlers");
		}
	}
}
