package org.gridlink.cases.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.cases.CaseKpis;
import org.gridlink.cases.CaseLine;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Case handling KPIs per lead unit for API clients, and the cases behind each figure. */
@RestController
@RequestMapping("/api/v1/cases/kpis")
@Tag(name = "Case KPIs")
class CaseKpiApiController {

	private final CaseKpis kpis;

	CaseKpiApiController(CaseKpis kpis) {
		this.kpis = kpis;
	}

	@GetMapping
	@Operation(summary = "KPIs of a period: the total of the selection (intake: reports, decided, filed, not filed, "
			+ "dispatched; handling: due, closed, closed on time, reworked, extended, evaluated, satisfied, not satisfied, with "
			+ "their rates) and one row per lead unit, ranked by on-time closure rate. Center and leaders: cases "
			+ "in their scope; department handlers: their unit's cases (no intake figures). See docs/cases.md, KPIs.")
	CaseKpis.KpiReport report(
			@Parameter(description = "First day (ISO date, district time zone); default: the 1st of this month")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@Parameter(description = "Last day, included (ISO date); default: today")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@Parameter(description = "Only cases located under this jurisdiction code (within the caller's scope)")
			@RequestParam(required = false) @Nullable String jurisdiction,
			@Parameter(description = "Only cases led by this unit id (department handlers: their own unit only)")
			@RequestParam(required = false) @Nullable Long unit, @Parameter(hidden = true) CurrentUser user) {
		LocalDate today = kpis.today();
		return kpis.report(user, from == null ? today.withDayOfMonth(1) : from, to == null ? today : to,
				jurisdiction, unit);
	}

	@GetMapping("/cases")
	@Operation(summary = "The cases behind one figure of the KPIs with the same selection, paged. metric: reports, "
			+ "decided, filed, rejected, dispatched, due, closed, closedOnTime, rework, extension, evaluated, "
			+ "satisfied, dissatisfied (the intake metrics only without a unit)")
	PagedModel<CaseLine> cases(@RequestParam String metric,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @Parameter(hidden = true) CurrentUser user) {
		CaseKpis.Metric which = CaseKpis.Metric.fromPath(metric)
				.orElseThrow(() -> new InvalidInputException("cases.kpi.metric.invalid", metric));
		LocalDate today = kpis.today();
		return new PagedModel<>(kpis.cases(user, which,
				from == null ? today.withDayOfMonth(1) : from, to == null ? today : to, jurisdiction, unit,
				ApiPaging.of(page, size)));
	}
}
