package org.gridlink.enterprise.support.web;

import java.util.List;
import java.util.Map;

import org.gridlink.enterprise.support.Advisor;
import org.gridlink.enterprise.support.AdvisorInput;
import org.gridlink.enterprise.support.AdvisoryTeams;
import org.gridlink.enterprise.support.LegalCheckups;
import org.gridlink.enterprise.support.Relief;
import org.gridlink.enterprise.support.ReliefFilter;
import org.gridlink.enterprise.support.ReliefInput;
import org.gridlink.enterprise.support.ReliefLedger;
import org.gridlink.enterprise.support.ReliefTotals;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.ListPage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Relief ledger, advisory teams and legal check-ups for API clients (docs/enterprise-support.md). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Enterprise support")
class SupportApiController {

	private final ReliefLedger ledger;
	private final AdvisoryTeams teams;
	private final LegalCheckups checkups;

	SupportApiController(ReliefLedger ledger, AdvisoryTeams teams, LegalCheckups checkups) {
		this.ledger = ledger;
		this.teams = teams;
		this.checkups = checkups;
	}

	/** The relief of one enterprise: its ledger lines and totals per type. */
	record EnterpriseRelief(long enterpriseId, List<Relief> relief, ReliefTotals totals) {
	}

	@GetMapping("/enterprises/{id}/relief")
	@Operation(summary = "The relief ledger of an enterprise the caller sees (404 otherwise), newest first, with its "
			+ "totals; amounts in fen")
	EnterpriseRelief relief(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		List<Relief> rows = ledger.ofEnterprise(user, id);
		return new EnterpriseRelief(id, rows, ledger.totals(user, new ReliefFilter(null, null, null, null, null, id)));
	}

	@PostMapping("/enterprises/{id}/relief")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record relief: type LOAN_EXTENSION|NEW_CREDIT|INTEREST_RELIEF|TAX_FEE_RELIEF|RENT_RELIEF|"
			+ "EMPLOYMENT_SUBSIDY, amountFen (> 0), grantedOn (not in the future); loans and credit: bank, endsOn "
			+ "(startsOn optional); rent relief: landlord, months (1-36); note and caseId (the appeal) optional. 400 "
			+ "naming the field; center, street, community and the enterprise's liaison")
	Relief record(@PathVariable long id, @RequestBody ReliefInput input, @Parameter(hidden = true) CurrentUser user) {
		return ledger.record(user, id, input);
	}

	@GetMapping("/relief/totals")
	@Operation(summary = "Relief totals in the caller's scope per type, street and industry, with optional filters "
			+ "type, street (12-digit code), industry (A-T), from, to")
	ReliefTotals totals(@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String street,
			@RequestParam(required = false) @Nullable String industry,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@Parameter(hidden = true) CurrentUser user) {
		return ledger.totals(user, ReliefFilter.of(type, street, industry, from, to));
	}

	@GetMapping("/enterprises/{id}/team")
	@Operation(summary = "The advisory team of an enterprise the caller sees and the address its contact card's QR opens")
	Map<String, Object> team(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		List<Advisor> team = teams.team(user, id);
		return Map.of("enterpriseId", id, "advisors", team);
	}

	@PutMapping("/enterprises/{id}/team")
	@Operation(summary = "Set seats of a key enterprise's advisory team: [{seat POLICE|JUDGE|PROCURATOR|LAWYER, name, "
			+ "organisation, workPhone}]; a blank name empties the seat; center and street")
	List<Advisor> setTeam(@PathVariable long id, @RequestBody List<AdvisorInput> seats,
			@Parameter(hidden = true) CurrentUser user) {
		return teams.save(user, id, seats);
	}

	/** A check-up in the API: the check-up and its findings counted by risk. */
	record CheckupJson(long id, long enterpriseId, String enterpriseName, String gridCode, String scheduledOn,
			String status, Map<String, Long> findingsByRisk, long openTasks) {

		static CheckupJson of(LegalCheckups.Checkup c) {
			return new CheckupJson(c.id(), c.enterpriseId(), c.enterpriseName(), c.gridCode(),
					c.scheduledOn().toString(), c.status().name(),
					Map.of("RED", c.red(), "ORANGE", c.orange(), "YELLOW", c.yellow()), c.openTasks());
		}
	}

	@GetMapping("/legal-checkups")
	@Operation(summary = "Legal check-ups of the enterprises the caller sees (paged, newest date first), each with its "
			+ "findings by risk; optional status SCHEDULED|SELF_CHECKED|DIAGNOSED|REVISITED")
	ListPage.Json<CheckupJson> checkups(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) @Nullable String status,
			@Parameter(hidden = true) CurrentUser user) {
		ListPage<LegalCheckups.Checkup> rows = checkups.page(user, status, ApiPaging.of(page, size));
		return new ListPage<>(rows.getContent().stream().map(CheckupJson::of).toList(), rows.getPageable(),
				rows.getTotalElements(), false, null, false).json();
	}

	record ScheduleInput(@Nullable String scheduledOn) {
	}

	record ScheduledJson(CheckupJson checkup, String link) {
	}

	@PostMapping("/enterprises/{id}/checkups")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Schedule a legal check-up (scheduledOn yyyy-MM-dd); the answer carries the questionnaire link "
			+ "for the enterprise, shown only this once; center, street and the enterprise's liaison")
	ScheduledJson schedule(@PathVariable long id, @RequestBody ScheduleInput input,
			@Parameter(hidden = true) CurrentUser user) {
		LegalCheckups.Scheduled s = checkups.schedule(user, id, input.scheduledOn());
		return new ScheduledJson(CheckupJson.of(s.checkup()), s.link());
	}

	@PostMapping("/legal-checkups/{id}/findings")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a finding of a check-up: area, description, risk RED|ORANGE|YELLOW, advice; a red or "
			+ "orange finding gets one fix task with a deadline")
	LegalCheckups.Finding finding(@PathVariable long id, @RequestBody LegalCheckups.FindingInput input,
			@Parameter(hidden = true) CurrentUser user) {
		return checkups.saveFinding(user, id, null, input);
	}

	@PutMapping("/legal-checkups/{id}/findings/{findingId}")
	@Operation(summary = "Save a finding again (re-grade, re-word); its fix task is changed, never doubled")
	LegalCheckups.Finding resave(@PathVariable long id, @PathVariable long findingId,
			@RequestBody LegalCheckups.FindingInput input, @Parameter(hidden = true) CurrentUser user) {
		return checkups.saveFinding(user, id, findingId, input);
	}

	record RevisitInput(@Nullable List<Long> fixed) {
	}

	@PostMapping("/legal-checkups/{id}/revisit")
	@Operation(summary = "The revisit: findings listed in fixed are closed, the others (re-)opened")
	CheckupJson revisit(@PathVariable long id, @RequestBody RevisitInput input,
			@Parameter(hidden = true) CurrentUser user) {
		if (input.fixed() == null) {
			throw new InvalidInputException("support.field.required", "fixed");
		}
		return CheckupJson.of(checkups.revisit(user, id, input.fixed()));
	}
}
