package org.gridlink.dailyreport.api;

import java.util.List;
import java.util.Map;

import org.gridlink.dailyreport.DailyReports;
import org.gridlink.dailyreport.HistoryLine;
import org.gridlink.dailyreport.NewReportForm;
import org.gridlink.dailyreport.ReportForm;
import org.gridlink.dailyreport.Rollup;
import org.gridlink.dailyreport.SubmissionView;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Daily information reports for API clients: forms (the center defines them), a place's report of a day (fill in,
 * submit), the review (send back, accept), corrections with a reason, history and the roll-up of a day.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Daily reports")
class DailyReportApiController {

	private final DailyReports reports;

	DailyReportApiController(DailyReports reports) {
		this.reports = reports;
	}

	@GetMapping("/report-forms")
	@Operation(summary = "The report forms, active first (center, leaders, streets, communities)")
	PagedModel<ReportForm> forms(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @Parameter(hidden = true) CurrentUser user) {
		return new PagedModel<>(reports.forms(user, ApiPaging.of(page, size)));
	}

	@GetMapping("/report-forms/{id}")
	@Operation(summary = "One report form with its fields")
	ReportForm form(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return reports.form(user, id);
	}

	@PostMapping("/report-forms")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Define a report form (CENTER): name, level COMMUNITY or STREET, deadline HH:mm (district "
			+ "time), fields {key,label,kind INTEGER|DECIMAL|TEXT|CHOICE,options,prefill SCREENED_HOUSEHOLDS|"
			+ "HOME_QUARANTINE|NEW_CASES,required}")
	ReportForm create(@RequestBody NewReportForm form, @Parameter(hidden = true) CurrentUser user) {
		return reports.create(user, form);
	}

	/** A report as a place submits it; {@code draft} true saves it without submitting. */
	record SubmissionRequest(@Nullable String jurisdictionCode, @Nullable String date,
			@Nullable Map<String, Object> values, @Nullable Boolean draft) {
	}

	@PostMapping("/report-forms/{id}/submissions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Submit (or with draft true save) a place's report of a day (yyyy-MM-dd, not in the future; "
			+ "default today): values by field key; pre-filled fields left out are filled in by GridLink. 400 names "
			+ "the field (unknown field, wrong type, a required field empty); 403 outside the caller's scope")
	SubmissionView submit(@PathVariable long id, @RequestBody SubmissionRequest request,
			@Parameter(hidden = true) CurrentUser user) {
		return reports.fill(user, id, request.jurisdictionCode(), reports.day(request.date()),
				request.values() == null ? Map.of() : request.values(), !Boolean.TRUE.equals(request.draft()));
	}

	@GetMapping("/report-forms/{id}/submissions/{code}/{date}")
	@Operation(summary = "A place's report of a day; MISSING with the pre-filled values when nothing is saved")
	SubmissionView one(@PathVariable long id, @PathVariable String code, @PathVariable String date,
			@Parameter(hidden = true) CurrentUser user) {
		return reports.get(user, id, code, reports.day(date));
	}

	@GetMapping("/report-forms/{id}/rollup")
	@Operation(summary = "The roll-up of a day (default today) under a jurisdiction (default the top of the caller's "
			+ "scope): per child jurisdiction its values and state MISSING|DRAFT|SUBMITTED|RETURNED|ACCEPTED, per place "
			+ "the same, what is late, totals")
	Rollup rollup(@PathVariable long id, @RequestParam(required = false) @Nullable String date,
			@RequestParam(required = false) @Nullable String jurisdiction, @Parameter(hidden = true) CurrentUser user) {
		return reports.rollup(user, id, reports.day(date), jurisdiction);
	}

	@GetMapping("/report-forms/{id}/series")
	@Operation(summary = "A numeric field over a period (from, to: yyyy-MM-dd, at most 366 days): per day the sum over "
			+ "the handed-in reports under the jurisdiction")
	DailyReports.Series series(@PathVariable long id, @RequestParam String field,
			@RequestParam(required = false) @Nullable String jurisdiction, @RequestParam String from,
			@RequestParam(required = false) @Nullable String to, @Parameter(hidden = true) CurrentUser user) {
		return reports.series(user, id, field, jurisdiction, reports.day(from), reports.day(to));
	}

	@GetMapping("/report-submissions")
	@Operation(summary = "Reports submitted and waiting for the caller's review (a street: its communities)")
	List<SubmissionView> toReview(@Parameter(hidden = true) CurrentUser user) {
		return reports.toReview(user);
	}

	@GetMapping("/report-submissions/{sid}")
	@Operation(summary = "One report")
	SubmissionView submission(@PathVariable long sid, @Parameter(hidden = true) CurrentUser user) {
		return reports.get(user, sid);
	}

	@GetMapping("/report-submissions/{sid}/history")
	@Operation(summary = "Every step of a report with the values of each revision, who, when and why")
	List<HistoryLine> history(@PathVariable long sid, @Parameter(hidden = true) CurrentUser user) {
		return reports.history(user, sid);
	}

	/** A review: the note (required to send back) and the version the reviewer saw (optional). */
	record ReviewRequest(@Nullable String note, @Nullable Integer version) {
	}

	@PostMapping("/report-submissions/{sid}/return")
	@Operation(summary = "Send a submitted report back with a note (the reviewer: a community's street)")
	SubmissionView sendBack(@PathVariable long sid, @RequestBody(required = false) @Nullable ReviewRequest request,
			@Parameter(hidden = true) CurrentUser user) {
		return reports.sendBack(user, sid, request == null ? null : request.note(),
				request == null ? null : request.version());
	}

	@PostMapping("/report-submissions/{sid}/accept")
	@Operation(summary = "Accept a submitted report (pass it up)")
	SubmissionView accept(@PathVariable long sid, @RequestBody(required = false) @Nullable ReviewRequest request,
			@Parameter(hidden = true) CurrentUser user) {
		return reports.accept(user, sid, request == null ? null : request.version());
	}

	/** A correction: the changed values and why. */
	record CorrectionRequest(@Nullable Map<String, Object> values, @Nullable String reason, @Nullable Integer version) {
	}

	@PostMapping("/report-submissions/{sid}/correct")
	@Operation(summary = "Correct a submitted or accepted report with a reason: a new revision, reviewed again; the "
			+ "old values stay in the history")
	SubmissionView correct(@PathVariable long sid, @RequestBody CorrectionRequest request,
			@Parameter(hidden = true) CurrentUser user) {
		return reports.correct(user, sid, request.values() == null ? Map.of() : request.values(), request.reason(),
				request.version());
	}
}
