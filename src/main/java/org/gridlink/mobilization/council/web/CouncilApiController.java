package org.gridlink.mobilization.council.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.mobilization.council.CouncilViews.CaseRequest;
import org.gridlink.mobilization.council.CouncilViews.Council;
import org.gridlink.mobilization.council.CouncilViews.Decision;
import org.gridlink.mobilization.council.CouncilViews.Leaving;
import org.gridlink.mobilization.council.CouncilViews.Meeting;
import org.gridlink.mobilization.council.CouncilViews.MeetingSummary;
import org.gridlink.mobilization.council.CouncilViews.MinutesText;
import org.gridlink.mobilization.council.CouncilViews.NewAgendaItem;
import org.gridlink.mobilization.council.CouncilViews.NewAttendance;
import org.gridlink.mobilization.council.CouncilViews.NewDecision;
import org.gridlink.mobilization.council.CouncilViews.NewMeeting;
import org.gridlink.mobilization.council.CouncilViews.NewProgress;
import org.gridlink.mobilization.council.CouncilViews.NewSeat;
import org.gridlink.mobilization.council.CouncilViews.OpenedCase;
import org.gridlink.mobilization.council.CouncilViews.OpenedTask;
import org.gridlink.mobilization.council.CouncilViews.TaskRequest;
import org.gridlink.mobilization.council.CouncilViews.Seat;
import org.gridlink.mobilization.council.CouncilViews.SignOff;
import org.gridlink.mobilization.council.Councils;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.ApiStatus;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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

/** The "1+N" councils for phones and partners; every answer is limited to the councils the caller sees. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Councils")
class CouncilApiController {

	private final Councils councils;

	CouncilApiController(Councils councils) {
		this.councils = councils;
	}

	@GetMapping("/councils/{communityCode}")
	@Operation(summary = "A community's council: current seats (the party committee first), those who left, the quorum, "
			+ "meetings and open/overdue decisions")
	Council council(@Parameter(hidden = true) CurrentUser user, @PathVariable String communityCode) {
		return councils.council(user, communityCode);
	}

	@PostMapping("/councils/{communityCode}/seats")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a seat: kind (PARTY_COMMITTEE, RESIDENTS_COMMITTEE, OWNERS_COMMITTEE, PROPERTY, SOCIAL_ORG, "
			+ "POLICE, POSTED_UNIT), organisation, personName, personRole, chair (party committee only), termFrom, termTo")
	Seat addSeat(@Parameter(hidden = true) CurrentUser user, @PathVariable String communityCode,
			@RequestBody NewSeat seat) {
		return councils.addSeat(user, communityCode, seat);
	}

	@PostMapping("/council-seats/{id}/leaving")
	@Operation(summary = "A member leaves the council (leftOn, default today); the seat stays in the history")
	Seat leave(@Parameter(hidden = true) CurrentUser user, @PathVariable long id, @RequestBody Leaving leaving) {
		return councils.leave(user, id, leaving);
	}

	@GetMapping("/council-meetings")
	@Operation(summary = "Meetings of the councils the caller sees, newest first; filter by community (or street) code "
			+ "and date range")
	PagedModel<MeetingSummary> meetings(@Parameter(hidden = true) CurrentUser user,
			@RequestParam(required = false) @Nullable String community,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return new PagedModel<>(councils.meetings(user, community, from, to, ApiPaging.of(page, size)));
	}

	@PostMapping("/council-meetings")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Hold a meeting: communityCode, heldOn, title, agenda [{source CASE|CONCERN|HANDOFF|FREE, refId, "
			+ "title}]")
	Meeting createMeeting(@Parameter(hidden = true) CurrentUser user, @RequestBody NewMeeting meeting) {
		return councils.createMeeting(user, meeting);
	}

	@GetMapping("/council-meetings/{id}")
	@Operation(summary = "One meeting: agenda, attendance with the quorum, decisions (with caseId once opened), minutes")
	Meeting meeting(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return councils.meeting(user, id);
	}

	@PostMapping("/council-meetings/{id}/agenda-items")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an agenda item; 409 once the minutes are signed off")
	Meeting addAgendaItem(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody NewAgendaItem item) {
		return councils.addAgendaItem(user, id, item);
	}

	@PostMapping("/council-meetings/{id}/attendance")
	@Operation(summary = "Record who was present: {present: [seat ids]} (replaces the list); 409 once signed off")
	Meeting attendance(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody NewAttendance attendance) {
		return councils.attendance(user, id, attendance);
	}

	@PostMapping("/council-meetings/{id}/decisions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a decision on an agenda item with an owner seat and a deadline; 409 without a quorum "
			+ "(more than half of the seats present) or once signed off")
	Decision decide(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody NewDecision decision) {
		return councils.decide(user, id, decision);
	}

	@PutMapping("/council-meetings/{id}/minutes")
	@Operation(summary = "Save the minutes (the first text is the draft, later ones amendments); 409 once signed off")
	Meeting minutes(@Parameter(hidden = true) CurrentUser user, @PathVariable long id, @RequestBody MinutesText text) {
		return councils.minutes(user, id, text);
	}

	@PostMapping("/council-meetings/{id}/sign-off")
	@Operation(summary = "The chair signs the minutes off: they are published on the community's public board and "
			+ "cannot change afterwards")
	Meeting signOff(@Parameter(hidden = true) CurrentUser user, @PathVariable long id, @RequestBody SignOff signOff) {
		return councils.signOff(user, id, signOff);
	}

	@GetMapping("/council-decisions")
	@Operation(summary = "Decisions of the councils the caller sees (state OPEN, OVERDUE or DONE), by deadline")
	PagedModel<Decision> decisions(@Parameter(hidden = true) CurrentUser user,
			@RequestParam(required = false) @Nullable String community,
			@RequestParam(required = false) @Nullable String state, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return new PagedModel<>(councils.decisions(user, community, state, ApiPaging.of(page, size)));
	}

	@GetMapping("/council-decisions/{id}")
	@Operation(summary = "One decision with its progress notes and caseId once a case was opened")
	Decision decision(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return councils.decision(user, id);
	}

	@PostMapping("/council-decisions/{id}/progress")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A progress note on a decision; done: true marks it done")
	Decision progress(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody NewProgress progress) {
		return councils.progress(user, id, progress);
	}

	@PostMapping("/council-decisions/{id}/case")
	@Operation(summary = "Open the decision's case (categoryCode: a case minor class) exactly once: 201 {caseId} the "
			+ "first time, 200 with the same caseId after")
	ResponseEntity<OpenedCase> openCase(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody CaseRequest request) {
		OpenedCase opened = councils.openCase(user, id, request);
		return ApiStatus.createdOrOk(opened.created(), opened);
	}

	@PostMapping("/council-decisions/{id}/task")
	@Operation(summary = "Open the decision's task exactly once: target CADRE (a posted cadre's task of the community: "
			+ "staffId, kind GATE_DUTY|VISITS|DELIVERIES|SCREENING_HELP, day; community staff) or VOLUNTEER (a "
			+ "volunteer task: kind GATE_DUTY|DELIVERY|ELDERLY_VISIT|SCREENING_HELP|OTHER, title (default the "
			+ "decision's text), place, startsAt, endsAt, needed). 201 {taskId, kind} the first time, 200 with the same "
			+ "task after")
	ResponseEntity<OpenedTask> openTask(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody TaskRequest request) {
		OpenedTask opened = councils.openTask(user, id, request);
		return ApiStatus.createdOrOk(opened.created(), opened);
	}
}
