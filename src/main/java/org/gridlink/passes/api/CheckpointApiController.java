package org.gridlink.passes.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import org.gridlink.platform.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
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
	private final ZoneId zone;

	CheckpointApiController(Checkpoints checkpoints, CheckpointShifts shifts, ScanLog scans,
			@Value("${gridlink.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.checkpoints = checkpoints;
		this.shifts = shifts;
		this.scans = scans;
		this.zone = zone;
	}

	@GetMapping
	@Operation(summary = "Checkpoints in the caller's scope, paged")
	PagedModel<Checkpoint> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return new PagedModel<>(checkpoints.list(CurrentUsers.current(), ApiPaging.of(page, size)));
	}

	@GetMapping("/mine")
	@Operation(summary = "The checkpoints the scan page offers: where the caller is on duty now, then those in scope")
	List<Checkpoint> mine() {
		return checkpoints.mine(CurrentUsers.current(), Instant.now());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Set up a checkpoint: {\"name\",\"kind\":\"ROAD|GATE\",\"jurisdictionCode\" (ROAD) or "
			+ "\"compoundId\" (GATE)} inside the caller's scope (community, street, center)")
	Checkpoint create(@RequestBody NewCheckpoint checkpoint) {
		return checkpoints.create(CurrentUsers.current(), checkpoint);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One checkpoint in scope or where the caller has a shift")
	Checkpoint get(@PathVariable long id) {
		return checkpoints.get(CurrentUsers.current(), id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a checkpoint (name, kind, place, active)")
	Checkpoint update(@PathVariable long id, @RequestBody NewCheckpoint checkpoint) {
		return checkpoints.update(CurrentUsers.current(), id, checkpoint);
	}

	@GetMapping("/{id}/shifts")
	@Operation(summary = "Shifts overlapping a period (default: today, district time); volunteers masked")
	List<Shift> shifts(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime to) {
		OffsetDateTime start = from != null ? from : LocalDate.now(zone).atStartOfDay(zone).toOffsetDateTime();
		return shifts.list(CurrentUsers.current(), id, start, to != null ? to : start.plusDays(1));
	}

	@PostMapping("/{id}/shifts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Plan a shift: {\"duty\":\"GRID_WORKER|POLICE|CHECKPOINT\",\"username\"} or "
			+ "{\"duty\":\"VOLUNTEER\",\"name\",\"phone\"}, with \"startsAt\" and \"endsAt\" (at most 24 h)")
	Shift addShift(@PathVariable long id, @RequestBody NewShift shift) {
		return shifts.add(CurrentUsers.current(), id, shift);
	}

	@DeleteMapping("/shifts/{shiftId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a planned shift")
	void removeShift(@PathVariable long shiftId) {
		shifts.remove(CurrentUsers.current(), shiftId);
	}

	@PostMapping("/{id}/scans")
	@Operation(summary = "Upload scans recorded by a checkpoint page: {\"scans\":[{\"clientId\",\"scannedAt\","
			+ "\"direction\",\"result\",\"reason\",\"type\",\"holder\",\"passHash\",\"verifiedBy\"}]}; idempotent on "
			+ "clientId (a scan sent again is counted as a duplicate, not stored twice)")
	ScanLog.Uploaded upload(@PathVariable long id, @RequestBody ScanBatch batch) {
		return scans.upload(CurrentUsers.current(), id, batch.scans(), Instant.now());
	}

	@GetMapping("/counts")
	@Operation(summary = "Daily counts per checkpoint in scope (or one checkpoint): persons and vehicles in and out "
			+ "with a valid pass, refusals, unknowns; days from..to (default today)")
	List<DailyCount> counts(@RequestParam(required = false) @Nullable Long checkpoint,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		LocalDate today = scans.today();
		return scans.counts(CurrentUsers.current(), checkpoint, from != null ? from : today, to != null ? to : today);
	}

	@GetMapping("/{id}/log")
	@Operation(summary = "The scans of a checkpoint on a day, newest first (a compound gate's entry/exit log), paged")
	PagedModel<GateEntry> log(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return new PagedModel<>(scans.log(CurrentUsers.current(), id, day != null ? day : scans.today(),
				ApiPaging.of(page, size)));
	}

	record ScanBatch(@Nullable List<Scan> scans) {
	}
}
