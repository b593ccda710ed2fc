package org.gridlink.passes.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.passes.Checkpoint;
import org.gridlink.passes.CheckpointShifts;
import org.gridlink.passes.CheckpointShifts.NewShift;
import org.gridlink.passes.CheckpointShifts.Shift;
import org.gridlink.passes.Checkpoints;
import org.gridlink.passes.NewCheckpoint;
import org.gridlink.passes.ScanLog;
import org.gridlink.passes.ScanLog.DailyCount;
import org.gridlink.passes.ScanLog.GateEntry;
import org.gridlink.passes.ScanLog.Scan;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Checkpoints, their duty shifts, the scan upload of checkpoint pages, daily counts and gate logs. */
@RestController
@RequestMapping("/api/v1/checkpoints")
@Tag(name = "Checkpoints")
class CheckpointApiController {

	private final Checkpoints checkpoints;
	private final CheckpointShifts shifts;
	private final ScanLog scans;
	private final Clock clock;

	CheckpointApiController(Checkpoints checkpoints, CheckpointShifts shifts, ScanLog scans,
			Clock clock) {
		this.checkpoints = checkpoints;
		this.shifts = shifts;
		this.scans = scans;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Checkpoints in the caller's scope, paged")
	PagedModel<Checkpoint> list(CurrentUser user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return new PagedModel<>(checkpoints.list(user, ApiPaging.of(page, size)));
	}

	@GetMapping("/mine")
	@Operation(summary = "The checkpoints the scan page offers: where the caller is on duty now, then those in scope")
	List<Checkpoint> mine(CurrentUser user) {
		return checkpoints.mine(user, clock.instant());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Set up a checkpoint: {\"name\",\"kind\":\"ROAD|GATE\",\"jurisdictionCode\" (ROAD) or "
			+ "\"compoundId\" (GATE)} inside the caller's scope (community, street, center)")
	Checkpoint create(CurrentUser user, @RequestBody NewCheckpoint checkpoint) {
		return checkpoints.create(user, checkpoint);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One checkpoint in scope or where the caller has a shift")
	Checkpoint get(CurrentUser user, @PathVariable long id) {
		return checkpoints.get(user, id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a checkpoint (name, kind, place, active)")
	Checkpoint update(CurrentUser user, @PathVariable long id, @RequestBody NewCheckpoint checkpoint) {
		return checkpoints.update(user, id, checkpoint);
	}

	@GetMapping("/{id}/shifts")
	@Operation(summary = "Shifts overlapping a period (default: today, district time); volunteers masked")
	List<Shift> shifts(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime to) {
		OffsetDateTime start = from != null ? from : LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime();
		return shifts.list(user, id, start, to != null ? to : start.plusDays(1));
	}

	@PostMapping("/{id}/shifts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Plan a shift: {\"duty\":\"GRID_WORKER|POLICE|CHECKPOINT\",\"username\"} or "
			+ "{\"duty\":\"VOLUNTEER\",\"name\",\"phone\"}, with \"startsAt\" and \"endsAt\" (at most 24 h)")
	Shift addShift(CurrentUser user, @PathVariable long id, @RequestBody NewShift shift) {
		return shifts.add(user, id, shift);
	}

	@DeleteMapping("/shifts/{shiftId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a planned shift")
	void removeShift(CurrentUser user, @PathVariable long shiftId) {
		shifts.remove(user, shiftId);
	}

	@PostMapping("/{id}/scans")
	@Operation(summary = "Upload scans recorded by a checkpoint page: {\"scans\":[{\"clientId\",\"scannedAt\","
			+ "\"direction\",\"result\",\"reason\",\"type\",\"holder\",\"passHash\",\"verifiedBy\"}]}; idempotent on "
			+ "clientId (a scan sent again is counted as a duplicate, not stored twice)")
	ScanLog.Uploaded upload(CurrentUser user, @PathVariable long id, @RequestBody ScanBatch batch) {
		return scans.upload(user, id, batch.scans(), clock.instant());
	}

	@GetMapping("/counts")
	@Operation(summary = "Daily counts per checkpoint in scope (or one checkpoint): persons and vehicles in and out "
			+ "with a valid pass, refusals, unknowns; days from..to (default today)")
	List<DailyCount> counts(CurrentUser user, @RequestParam(required = false) @Nullable Long checkpoint,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		LocalDate today = scans.today();
		return scans.counts(user, checkpoint, from != null ? from : today, to != null ? to : today);
	}

	@GetMapping("/{id}/log")
	@Operation(summary = "The scans of a checkpoint on a day, newest first (a compound gate's entry/exit log), paged")
	PagedModel<GateEntry> log(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return new PagedModel<>(scans.log(user, id, day != null ? day : scans.today(),
				ApiPaging.of(page, size)));
	}

	record ScanBatch(@Nullable List<Scan> scans) {
	}
}
