package org.gridlink.mobilization.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.gridlink.mobilization.CadreDuty;
import org.gridlink.mobilization.DutyViews.CadreTaskView;
import org.gridlink.mobilization.DutyViews.CommunityBoard;
import org.gridlink.mobilization.DutyViews.PresenceCode;
import org.gridlink.mobilization.DutyViews.PresenceView;
import org.gridlink.mobilization.DutyViews.UnitBoard;
import org.gridlink.mobilization.DutyWorkbook;
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
 * Posted cadres on duty for API clients: a community's code of the day, a cadre's arrival and leaving by that code,
 * the community's confirmation, the presence list, tasks and the boards of a community and of a unit.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Posted cadres on duty")
class DutyApiController {

	private final CadreDuty duty;
	private final DutyWorkbook workbook;

	DutyApiController(CadreDuty duty, DutyWorkbook workbook) {
		this.duty = duty;
		this.workbook = workbook;
	}

	@GetMapping("/communities/{code}/presence-code")
	@Operation(summary = "Today's presence code of a community and the link its QR code holds (the community's own "
			+ "staff; 403 for anyone else). The code changes every day")
	PresenceCode presenceCode(@PathVariable String code, @Parameter(hidden = true) CurrentUser user) {
		return duty.presenceCode(user, code);
	}

	record ScanRequest(@Nullable String code) {
	}

	@PostMapping("/presence")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A posted cadre's scan of a community's code: the first of the day records the arrival, the "
			+ "next the leaving ({community, date, arrivedAt, leftAt}). No location is read. 400 with the reason when "
			+ "the code is empty or not a code, an earlier day's, another community's or of a community the cadre is "
			+ "not posted to; 409 when arrival and leaving are both recorded")
	PresenceView scan(@RequestBody ScanRequest request, @Parameter(hidden = true) CurrentUser user) {
		return duty.scan(user, request.code());
	}

	@GetMapping("/presence")
	@Operation(summary = "Presence of a day (yyyy-MM-dd, default today) within a jurisdiction (default the caller's "
			+ "scope), paged: cadre, unit, community, arrived, left. Communities, streets, the center and units read "
			+ "within their scope, a cadre only their own; 403 outside the scope")
	PagedModel<PresenceView> presence(@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @Nullable String date, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @Parameter(hidden = true) CurrentUser user) {
		return new PagedModel<>(duty.presence(user, jurisdiction, duty.day(date), ApiPaging.of(page, size)));
	}

	record ConfirmRequest(@Nullable Long staffId) {
	}

	@PostMapping("/communities/{code}/presence")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The community's staff confirm a posted cadre's presence today (audited); 400 when the cadre "
			+ "is not posted there, 409 when the arrival is already recorded")
	PresenceView confirm(@PathVariable String code, @RequestBody ConfirmRequest request,
			@Parameter(hidden = true) CurrentUser user) {
		if (request.staffId() == null) {
			throw new org.gridlink.platform.InvalidInputException("duty.task.cadre.required");
		}
		return duty.confirm(user, code, request.staffId());
	}

	@GetMapping("/communities/{code}/cadre-board")
	@Operation(summary = "A community's board of a day: who is posted, who came, the day's tasks")
	CommunityBoard board(@PathVariable String code, @RequestParam(required = false) @Nullable String date,
			@Parameter(hidden = true) CurrentUser user) {
		return duty.board(user, code, duty.day(date));
	}

	record TaskRequest(@Nullable Long staffId, @Nullable String kind, @Nullable String date,
			@Nullable String details) {
	}

	@PostMapping("/communities/{code}/cadre-tasks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The community's staff give a posted cadre a task: kind GATE_DUTY|VISITS|DELIVERIES|"
			+ "SCREENING_HELP, date (today or up to 60 days ahead), details")
	CadreTaskView assign(@PathVariable String code, @RequestBody TaskRequest request,
			@Parameter(hidden = true) CurrentUser user) {
		return duty.assign(user, code, request.staffId(), request.kind(), request.date(), request.details());
	}

	@GetMapping("/cadre-tasks")
	@Operation(summary = "The signed-in cadre's tasks of a day (default today)")
	List<CadreTaskView> myTasks(@RequestParam(required = false) @Nullable String date,
			@Parameter(hidden = true) CurrentUser user) {
		return duty.myTasks(user, duty.day(date));
	}

	record DoneRequest(@Nullable String note) {
	}

	@PostMapping("/cadre-tasks/{id}/done")
	@Operation(summary = "The cadre marks their task done with a note; 409 when it is already done")
	CadreTaskView done(@PathVariable long id, @RequestBody DoneRequest request,
			@Parameter(hidden = true) CurrentUser user) {
		return duty.complete(user, id, request.note());
	}

	@PostMapping(value = "/cadre-tasks/{id}/done", consumes = "multipart/form-data")
	@Operation(summary = "The cadre marks their task done with a note and an optional photo (file: JPEG, PNG or WebP "
			+ "up to 10 MB, checked by content, stored without metadata); 400 for a file that is not such an image, "
			+ "409 when it is already done")
	CadreTaskView doneWithPhoto(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
			@RequestParam(name = "file", required = false) org.springframework.web.multipart.@Nullable MultipartFile file,
			@Parameter(hidden = true) CurrentUser user) throws IOException {
		return duty.complete(user, id, note, file == null || file.isEmpty() ? null : file.getBytes());
	}

	@GetMapping("/cadre-tasks/{id}/photo")
	@Operation(summary = "A done task's photo (without metadata): the community's readers and the cadre")
	org.springframework.http.ResponseEntity<byte[]> photo(@PathVariable long id,
			@Parameter(hidden = true) CurrentUser user) {
		var photo = duty.photo(user, id);
		return org.springframework.http.ResponseEntity.ok()
				.contentType(org.springframework.http.MediaType.parseMediaType(photo.contentType()))
				.header("Cache-Control", "private, max-age=300").body(photo.bytes());
	}

	@GetMapping("/units/{id}/cadre-board")
	@Operation(summary = "A unit's posted cadres over a period (from, to: yyyy-MM-dd, default today): days present, "
			+ "tasks given and done. The unit's own staff, the center and leaders")
	UnitBoard unitBoard(@PathVariable long id, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @Parameter(hidden = true) CurrentUser user) {
		return duty.unitBoard(user, id, duty.day(from), duty.day(to));
	}

	@GetMapping("/units/{id}/cadre-board.xlsx")
	@Operation(summary = "The unit's board as Excel")
	void unitBoardExcel(@PathVariable long id, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @Parameter(hidden = true) CurrentUser user,
			Locale locale, HttpServletResponse response) throws IOException {
		UnitBoard board = duty.unitBoard(user, id, duty.day(from), duty.day(to));
		DutyController.sendWorkbook(workbook, board, locale, response);
	}
}
