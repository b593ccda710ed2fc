package org.gridlink.inspection.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.inspection.InspectionViews.CheckItem;
import org.gridlink.inspection.InspectionViews.Group;
import org.gridlink.inspection.InspectionViews.HandOff;
import org.gridlink.inspection.InspectionViews.NewCheckItem;
import org.gridlink.inspection.InspectionViews.NewGroup;
import org.gridlink.inspection.InspectionViews.NewResult;
import org.gridlink.inspection.InspectionViews.NewRound;
import org.gridlink.inspection.InspectionViews.RepeatProblem;
import org.gridlink.inspection.InspectionViews.Result;
import org.gridlink.inspection.InspectionViews.Round;
import org.gridlink.inspection.InspectionViews.RoundSummary;
import org.gridlink.inspection.InspectionViews.SavedResult;
import org.gridlink.inspection.InspectionViews.UnitRectification;
import org.gridlink.inspection.InspectionViews.Verification;
import org.gridlink.inspection.Inspections;
import org.gridlink.inspection.RoundNotices;
import org.gridlink.inspection.RoundReport;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.ApiStatus;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Supervision rounds for phones and partners; every answer is limited to what the caller sees. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Supervision")
class InspectionApiController {

	private final Inspections inspections;
	private final RoundReport reports;
	private final RoundNotices notices;

	InspectionApiController(Inspections inspections, RoundReport reports, RoundNotices notices) {
		this.inspections = inspections;
		this.reports = reports;
		this.notices = notices;
	}

	@GetMapping("/inspection-check-items")
	@Operation(summary = "The library of check items")
	List<CheckItem> checkItems(@Parameter(hidden = true) CurrentUser user) {
		return inspections.checkItems(user);
	}

	@PostMapping("/inspection-check-items")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a check item to the library (the center): text, case minor class S06xx, weight, target kinds")
	CheckItem createCheckItem(@Parameter(hidden = true) CurrentUser user, @RequestBody NewCheckItem item) {
		return inspections.createCheckItem(user, item);
	}

	@GetMapping("/inspection-groups")
	@Operation(summary = "The groups the caller sees, with leader, members and the communities and units each covers")
	List<Group> groups(@Parameter(hidden = true) CurrentUser user) {
		return inspections.groups(user);
	}

	@PostMapping("/inspection-groups")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Form a group (the center)")
	Group createGroup(@Parameter(hidden = true) CurrentUser user, @RequestBody NewGroup group) {
		return inspections.createGroup(user, group);
	}

	@GetMapping("/inspection-rounds")
	@Operation(summary = "The rounds in which the caller sees a target, newest first, with findings "
			+ "{total, open, rectified, overdue} among the hand-offs the caller sees")
	PagedModel<RoundSummary> rounds(@Parameter(hidden = true) CurrentUser user,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return new PagedModel<>(inspections.rounds(user, ApiPaging.of(page, size)));
	}

	@PostMapping("/inspection-rounds")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Plan a round (the center): dates, checklist (check item ids), targets each with its group")
	Round createRound(@Parameter(hidden = true) CurrentUser user, @RequestBody NewRound round) {
		return inspections.createRound(user, round);
	}

	@GetMapping("/inspection-rounds/{id}")
	@Operation(summary = "One round: plan, checklist, the targets the caller sees and the findings")
	Round round(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return inspections.round(user, id);
	}

	@PostMapping("/inspection-rounds/{id}/results")
	@Operation(summary = "Record a result on site: PASS, FAIL or NA per check item and target, with a client id. A FAIL "
			+ "with a handOff {unitId or jurisdictionCode, fix, deadline} opens its case. 201 {id, caseId}; the same "
			+ "clientId again answers 200 with the same result and case")
	ResponseEntity<SavedResult> record(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody NewResult result) {
		SavedResult saved = inspections.record(user, id, result);
		return ApiStatus.createdOrOk(saved.created(), saved);
	}

	@GetMapping("/inspection-rounds/{id}/results")
	@Operation(summary = "The results recorded at one target of the round, newest first")
	List<Result> results(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestParam String targetCode) {
		return inspections.results(user, id, targetCode);
	}

	@GetMapping("/inspection-hand-offs")
	@Operation(summary = "Hand-offs the caller sees (a round's or all), state OPEN, RECTIFIED, CANCELLED, OVERDUE or "
			+ "VERIFY (fixed by the unit, waiting for the group)")
	PagedModel<HandOff> handOffs(@Parameter(hidden = true) CurrentUser user,
			@RequestParam(required = false) @Nullable Long round, @RequestParam(required = false) @Nullable String state,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return new PagedModel<>(inspections.handOffs(user, round, state, ApiPaging.of(page, size)));
	}

	@GetMapping("/inspection-hand-offs/{id}")
	@Operation(summary = "One hand-off with its case")
	HandOff handOff(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return inspections.handOff(user, id);
	}

	@PostMapping("/inspection-hand-offs/{id}/verification")
	@Operation(summary = "The group verifies the unit's fix: passed (a photo at least) closes the case; not passed "
			+ "(a note) sends it back for rework")
	HandOff verify(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody Verification verification) {
		return inspections.verify(user, id, verification);
	}

	@GetMapping("/inspection-photos/{id}")
	@Operation(summary = "A photo of a finding or a verified fix")
	ResponseEntity<byte[]> photo(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		Inspections.Photo photo = inspections.photo(user, id);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.type()))
				.cacheControl(CacheControl.noStore()).body(photo.data());
	}

	@GetMapping("/inspection-repeats")
	@Operation(summary = "The board of repeat problems: the same check item failing in the same community in two rounds")
	List<RepeatProblem> repeats(@Parameter(hidden = true) CurrentUser user) {
		return inspections.repeats(user);
	}

	@GetMapping("/inspection-units")
	@Operation(summary = "Per unit over all rounds: hand-offs, rectified, overdue, rectification rate and mean days")
	List<UnitRectification> units(@Parameter(hidden = true) CurrentUser user) {
		return inspections.unitRectification(user);
	}

	@GetMapping("/inspection-rounds/{id}/report")
	@Operation(summary = "The round report's figures (as in the PDF and the Excel)")
	RoundReport.Figures report(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return reports.figures(user, id);
	}

	@GetMapping("/inspection-rounds/{id}/report.pdf")
	@Operation(summary = "The round report as PDF")
	ResponseEntity<byte[]> pdf(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		reports.pdf(user, reports.figures(user, id), out);
		return file(out, "round-" + id + ".pdf", MediaType.APPLICATION_PDF);
	}

	@GetMapping("/inspection-rounds/{id}/report.xlsx")
	@Operation(summary = "The round report as Excel")
	ResponseEntity<byte[]> xlsx(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		reports.xlsx(user, reports.figures(user, id), out);
		return file(out, "round-" + id + ".xlsx",
				MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	}

	@PostMapping("/inspection-rounds/{id}/notice")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Send the notice of the round's results (通报) to the units with hand-offs, through the "
			+ "notices module (the center); answers the notice's id")
	RoundNotices.Sent notice(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return notices.send(user, id);
	}

	private static ResponseEntity<byte[]> file(ByteArrayOutputStream out, String name, MediaType type) {
		return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noStore())
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
				.body(out.toByteArray());
	}
}
