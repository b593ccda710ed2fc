package org.gridlink.housing.construction.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.housing.construction.ConstructionViews.BudgetLine;
import org.gridlink.housing.construction.ConstructionViews.DurationInput;
import org.gridlink.housing.construction.ConstructionViews.Inspection;
import org.gridlink.housing.construction.ConstructionViews.InspectionInput;
import org.gridlink.housing.construction.ConstructionViews.Jobs;
import org.gridlink.housing.construction.ConstructionViews.MilestoneInput;
import org.gridlink.housing.construction.ConstructionViews.PlacementInput;
import org.gridlink.housing.construction.ConstructionViews.Problem;
import org.gridlink.housing.construction.ConstructionViews.ProblemInput;
import org.gridlink.housing.construction.ConstructionViews.Report;
import org.gridlink.housing.construction.ConstructionViews.ReportInput;
import org.gridlink.housing.construction.ConstructionViews.SavedInspection;
import org.gridlink.housing.construction.ConstructionViews.SavedProblem;
import org.gridlink.housing.construction.ConstructionViews.SavedReport;
import org.gridlink.housing.construction.ConstructionViews.Schedule;
import org.gridlink.housing.construction.ConstructionViews.Seeker;
import org.gridlink.housing.construction.ConstructionViews.SeekerInput;
import org.gridlink.housing.construction.ConstructionViews.Session;
import org.gridlink.housing.construction.ConstructionViews.SessionInput;
import org.gridlink.housing.construction.ConstructionViews.Spending;
import org.gridlink.housing.construction.ConstructionViews.SpendingInput;
import org.gridlink.housing.construction.ConstructionViews.SupportingWork;
import org.gridlink.housing.construction.ConstructionViews.WorkProgressInput;
import org.gridlink.housing.construction.JobsAndTraining;
import org.gridlink.housing.construction.Schedules;
import org.gridlink.housing.construction.SiteInspections;
import org.gridlink.housing.construction.SiteProblems;
import org.gridlink.housing.construction.SiteReports;
import org.gridlink.housing.construction.WorksAndMoney;
import org.gridlink.platform.ApiStatus;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Construction of rural housing projects for phones and partners; every answer is limited to what the caller sees. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Rural housing construction")
class ConstructionApiController {

	private final Schedules schedules;
	private final SiteReports reports;
	private final SiteProblems problems;
	private final SiteInspections inspections;
	private final WorksAndMoney works;
	private final JobsAndTraining jobs;

	ConstructionApiController(Schedules schedules, SiteReports reports, SiteProblems problems,
			SiteInspections inspections, WorksAndMoney works, JobsAndTraining jobs) {
		this.schedules = schedules;
		this.reports = reports;
		this.problems = problems;
		this.inspections = inspections;
		this.works = works;
		this.jobs = jobs;
	}

	@GetMapping("/housing/projects/{id}/schedule")
	@Operation(summary = "The backward schedule: per site the caller sees and per building, each milestone's planned "
			+ "start and end (from the hand-over date), started and reached dates, late, and the open problems")
	Schedule schedule(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Long site) {
		return schedules.schedule(user, id, site);
	}

	@PutMapping("/housing/projects/{id}/durations")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set milestone durations in days (1..365) for the project, a site or a building: "
			+ "{siteId?, building?, days: {FOUNDATION: 30, ...}}; center or township staff")
	void durations(@Parameter(hidden = true) CurrentUser user, @PathVariable long id, @RequestBody DurationInput input) {
		schedules.setDurations(user, id, input);
	}

	@PostMapping("/housing/sites/{id}/milestones")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Record a milestone reached on a building: {building, kind, reachedOn?, startedOn?}")
	void milestone(@Parameter(hidden = true) CurrentUser user, @PathVariable long id, @RequestBody MilestoneInput input) {
		schedules.recordMilestone(user, id, input);
	}

	@PostMapping("/housing/sites/{id}/daily-reports")
	@Operation(summary = "A daily progress report from the site manager's phone: {clientId, day?, building?, percent, "
			+ "workers, note?, photos? (data URLs, at most 3), reached? (a milestone)}. 201; the same clientId again 200")
	ResponseEntity<SavedReport> report(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody ReportInput input) {
		SavedReport saved = reports.report(user, id, input);
		return ApiStatus.createdOrOk(saved.created(), saved);
	}

	@GetMapping("/housing/sites/{id}/daily-reports")
	@Operation(summary = "The site's daily reports, newest first")
	List<Report> reports(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return reports.reports(user, id);
	}

	@GetMapping("/public/housing-photos/{id}")
	@Operation(summary = "A progress photo (public, shown on the project's board; metadata removed)")
	ResponseEntity<byte[]> photo(@PathVariable long id) {
		SiteReports.Photo photo = reports.photo(id);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
				.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1))).body(photo.data());
	}

	@PostMapping("/housing/sites/{id}/problems")
	@Operation(summary = "Raise a problem on site: {clientId, building?, kind, description}; opens exactly one case for "
			+ "the unit responsible, target the same day. 201 {id, caseId}; the same clientId again 200")
	ResponseEntity<SavedProblem> problem(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody ProblemInput input) {
		SavedProblem saved = problems.raise(user, id, input);
		return ApiStatus.createdOrOk(saved.created(), saved);
	}

	@GetMapping("/housing/projects/{id}/problems")
	@Operation(summary = "The project's site problems the caller sees, open first")
	List<Problem> problems(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean open) {
		return problems.problems(user, id, open);
	}

	@PostMapping("/housing/sites/{id}/inspections")
	@Operation(summary = "A quality or safety inspection: {clientId, kind: QUALITY|SAFETY, building?, day?, note?, "
			+ "findings: [{item, passed, note?}]}. 201; the same clientId again 200")
	ResponseEntity<SavedInspection> inspect(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody InspectionInput input) {
		SavedInspection saved = inspections.record(user, id, input);
		return ApiStatus.createdOrOk(saved.created(), saved);
	}

	@GetMapping("/housing/projects/{id}/inspections")
	@Operation(summary = "The project's inspections the caller sees, with findings")
	List<Inspection> inspections(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return inspections.inspections(user, id);
	}

	@GetMapping("/housing/projects/{id}/supporting-works")
	@Operation(summary = "Supporting works (roads, water, sewage, power, gas, greening) with progress")
	List<SupportingWork> works(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return works.works(user, id);
	}

	@PutMapping("/housing/supporting-works/{id}")
	@Operation(summary = "Update a supporting work's progress: {percent}")
	SupportingWork progress(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody WorkProgressInput input) {
		return works.progress(user, id, input);
	}

	@GetMapping("/housing/projects/{id}/spending")
	@Operation(summary = "Budget lines with the money spent on each (fen)")
	List<BudgetLine> spending(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return works.budget(user, id);
	}

	@PostMapping("/housing/budget-items/{id}/spending")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record money spent on a budget line: {amountFen (negative corrects), spentOn?, note?}")
	Spending spend(@Parameter(hidden = true) CurrentUser user, @PathVariable long id, @RequestBody SpendingInput input) {
		return works.spend(user, id, input);
	}

	@GetMapping("/housing/projects/{id}/jobs")
	@Operation(summary = "Job matching and training: figures, sessions with attendance, seekers (names masked)")
	Jobs jobs(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return jobs.jobs(user, id);
	}

	@PostMapping("/housing/projects/{id}/job-seekers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a household member looking for work or training: {householdId, name (kept masked), "
			+ "wants: WORK|TRAINING|BOTH, skill?}")
	Seeker register(@Parameter(hidden = true) CurrentUser user, @PathVariable long id, @RequestBody SeekerInput input) {
		return jobs.register(user, id, input);
	}

	@PostMapping("/housing/projects/{id}/training-sessions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a training session held: {title, heldOn?, place?, attendees: [seeker ids]}")
	Session session(@Parameter(hidden = true) CurrentUser user, @PathVariable long id, @RequestBody SessionInput input) {
		return jobs.holdSession(user, id, input);
	}

	@PostMapping("/housing/job-seekers/{id}/placement")
	@Operation(summary = "Record a placement: {employer, placedOn?}")
	Seeker place(@Parameter(hidden = true) CurrentUser user, @PathVariable long id, @RequestBody PlacementInput input) {
		return jobs.place(user, id, input);
	}
}
