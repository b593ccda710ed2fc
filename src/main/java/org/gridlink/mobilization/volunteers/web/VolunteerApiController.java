package org.gridlink.mobilization.volunteers.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.mobilization.volunteers.DutyBadges;
import org.gridlink.mobilization.volunteers.Volunteer;
import org.gridlink.mobilization.volunteers.VolunteerStatus;
import org.gridlink.mobilization.volunteers.VolunteerTasks;
import org.gridlink.mobilization.volunteers.VolunteerTasks.Hours;
import org.gridlink.mobilization.volunteers.VolunteerTasks.NewTask;
import org.gridlink.mobilization.volunteers.VolunteerTasks.Signup;
import org.gridlink.mobilization.volunteers.VolunteerTasks.Task;
import org.gridlink.mobilization.volunteers.Volunteers;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Volunteers (scoped, phones masked; a full phone only by an audited reveal), volunteer tasks, sign-ups,
 * attendance and hours, and the public check of a duty badge.
 */
@RestController
@Tag(name = "Volunteers")
class VolunteerApiController {

	record Decision(@Nullable VolunteerStatus status, @Nullable String username) {
	}

	record RevealRequest(@Nullable String reason) {
	}

	record Revealed(String phone) {
	}

	record Attendance(@Nullable Boolean attended, @Nullable BigDecimal hours) {
	}

	private final Volunteers volunteers;
	private final VolunteerTasks tasks;
	private final DutyBadges badges;

	VolunteerApiController(Volunteers volunteers, VolunteerTasks tasks, DutyBadges badges) {
		this.volunteers = volunteers;
		this.tasks = tasks;
		this.badges = badges;
	}

	@GetMapping("/api/v1/volunteers")
	@Operation(summary = "Volunteers the caller may see, newest first, phones masked: community, street, center staff "
			+ "and leaders by scope; a unit's staff their unit's party members (双报到). Filters: status "
			+ "(PENDING|APPROVED|DECLINED|LEFT), partyMember, q (name), community (code)")
	PagedModel<Volunteer> list(CurrentUser user, @RequestParam(required = false) @Nullable VolunteerStatus status,
			@RequestParam(required = false) @Nullable Boolean partyMember,
			@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String community, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return new PagedModel<>(volunteers.list(user, status, partyMember, q, community, ApiPaging.of(page, size)));
	}

	@GetMapping("/api/v1/volunteers/{id}")
	@Operation(summary = "One volunteer the caller may see (phone masked)")
	Volunteer get(CurrentUser user, @PathVariable long id) {
		return volunteers.get(user, id);
	}

	@PostMapping("/api/v1/volunteers/{id}/decision")
	@Operation(summary = "The community decides: {\"status\":\"APPROVED|DECLINED|LEFT\",\"username\"} (optional: an "
			+ "account with the role VOLUNTEER to link); LEFT ends the volunteer's badge")
	Volunteer decide(CurrentUser user, @PathVariable long id, @RequestBody Decision decision) {
		return volunteers.decide(user, id, decision.status(), decision.username());
	}

	@PostMapping("/api/v1/volunteers/{id}/reveal")
	@Operation(summary = "The full phone, with a reason (2 to 200 characters); audited")
	Revealed reveal(CurrentUser user, @PathVariable long id, @RequestBody RevealRequest request) {
		return new Revealed(volunteers.revealPhone(user, id, request.reason()));
	}

	@PostMapping("/api/v1/volunteers/{id}/badge/revoke")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke the volunteer's current duty badge (it no longer verifies); audited")
	void revokeBadge(CurrentUser user, @PathVariable long id) {
		volunteers.revokeBadge(user, id);
	}

	@GetMapping("/api/v1/volunteers/party-members")
	@Operation(summary = "Approved party members per branch unit (双报到) the caller may see; unitId narrows to one unit")
	List<Volunteer> partyMembers(CurrentUser user, @RequestParam(required = false) @Nullable Long unitId) {
		return volunteers.partyMembers(user, unitId);
	}

	@GetMapping("/api/v1/volunteers/hours")
	@Operation(summary = "Hours served over the days from..to (district dates, at most two years): by=person "
			+ "(default) or by=branch (party members per unit or branch name)")
	List<Hours> hours(CurrentUser user,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "person") String by) {
		return switch (by) {
			case "person" -> tasks.hoursPerPerson(user, from, to);
			case "branch" -> tasks.hoursPerBranch(user, from, to);
			default -> throw new InvalidInputException("volunteers.hours.by.invalid");
		};
	}

	@GetMapping("/api/v1/volunteer-tasks")
	@Operation(summary = "Volunteer tasks, paged: staff those of the communities in scope, a volunteer their "
			+ "community's open ones; upcoming=true keeps those not yet over (by start), else newest first")
	PagedModel<Task> tasks(CurrentUser user, @RequestParam(defaultValue = "false") boolean upcoming,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return new PagedModel<>(tasks.list(user, upcoming, ApiPaging.of(page, size)));
	}

	@PostMapping("/api/v1/volunteer-tasks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publish a task: {\"communityCode\",\"kind\":\"GATE_DUTY|DELIVERY|ELDERLY_VISIT|"
			+ "SCREENING_HELP|OTHER\",\"title\",\"place\",\"startsAt\",\"endsAt\" (at most 24 h),\"needed\" (1-500)}")
	Task publish(CurrentUser user, @RequestBody NewTask task) {
		return tasks.publish(user, task);
	}

	@GetMapping("/api/v1/volunteer-tasks/{id}")
	@Operation(summary = "One task (staff in scope, or a volunteer of its community)")
	Task task(CurrentUser user, @PathVariable long id) {
		return tasks.get(user, id);
	}

	@GetMapping("/api/v1/volunteer-tasks/{id}/signups")
	@Operation(summary = "The sign-ups of a task the caller manages (phones masked)")
	List<Signup> signups(CurrentUser user, @PathVariable long id) {
		return tasks.signups(user, id);
	}

	@PostMapping("/api/v1/volunteer-tasks/{id}/signups")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The signed-in volunteer signs up (approved, of the task's community): once per task; "
			+ "409 with a message when the task is full, closed or already signed up for")
	Signup signUp(CurrentUser user, @PathVariable long id) {
		return tasks.signUp(user, id);
	}

	@DeleteMapping("/api/v1/volunteer-tasks/{id}/signups/mine")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "The signed-in volunteer withdraws before the task starts")
	void withdraw(CurrentUser user, @PathVariable long id) {
		tasks.withdraw(user, id);
	}

	@PostMapping("/api/v1/volunteer-signups/{id}/confirm")
	@Operation(summary = "The community confirms a sign-up")
	Signup confirm(CurrentUser user, @PathVariable long id) {
		return tasks.confirm(user, id);
	}

	@PostMapping("/api/v1/volunteer-signups/{id}/attendance")
	@Operation(summary = "Record attendance: {\"attended\":true,\"hours\":2.5} (more than 0, at most the task's "
			+ "length) or {\"attended\":false}")
	Signup attendance(CurrentUser user, @PathVariable long id, @RequestBody Attendance attendance) {
		return tasks.record(user, id, attendance.attended(), attendance.hours());
	}

	@GetMapping("/api/v1/public/volunteer-badges/check")
	@Operation(summary = "Public: is a duty badge's code genuine and current? VALID, EXPIRED (not today's), REVOKED, "
			+ "LEFT (no longer serves) or NOT_GENUINE; the name masked")
	DutyBadges.Check check(@RequestParam(required = false) @Nullable String token) {
		return badges.check(token);
	}
}
