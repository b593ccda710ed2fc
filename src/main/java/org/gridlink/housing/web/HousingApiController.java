package org.gridlink.housing.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.housing.EligibilityRules;
import org.gridlink.housing.HousingBoard;
import org.gridlink.housing.HousingLists;
import org.gridlink.housing.HousingProjects;
import org.gridlink.housing.HousingSurveys;
import org.gridlink.housing.HousingViews.HouseholdRow;
import org.gridlink.housing.HousingViews.NoticeInput;
import org.gridlink.housing.HousingViews.Objection;
import org.gridlink.housing.HousingViews.ObjectionInput;
import org.gridlink.housing.HousingViews.ProjectDetail;
import org.gridlink.housing.HousingViews.ProjectInput;
import org.gridlink.housing.HousingViews.ProjectSummary;
import org.gridlink.housing.HousingViews.RulesInput;
import org.gridlink.housing.HousingViews.RunResult;
import org.gridlink.housing.HousingViews.SavedSurvey;
import org.gridlink.housing.HousingViews.SurveyInput;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.ApiStatus;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rural housing projects, surveys and the eligibility list; every answer limited to what the caller sees. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Rural housing")
class HousingApiController {

	private final HousingProjects projects;
	private final HousingSurveys surveys;
	private final HousingLists lists;
	private final HousingBoard board;

	HousingApiController(HousingProjects projects, HousingSurveys surveys, HousingLists lists, HousingBoard board) {
		this.projects = projects;
		this.surveys = surveys;
		this.lists = lists;
		this.board = board;
	}

	@GetMapping("/housing/projects")
	@Operation(summary = "The projects the caller sees, newest first, with household, surveyed and eligible counts and "
			+ "the list's state (NOT_RUN, DRAFT, NOTICE, NOTICE_ENDED, FINAL)")
	List<ProjectSummary> projects(@Parameter(hidden = true) CurrentUser user) {
		return projects.list(user);
	}

	@PostMapping("/housing/projects")
	@Operation(summary = "Create a project (center, township): name, townshipCode, villageCodes, budgetYuan, handOverOn, "
			+ "sites [{name, villageCode, address, buildings, plots}]; the villages' households come from the registry")
	ResponseEntity<ProjectDetail> create(@Parameter(hidden = true) CurrentUser user, @RequestBody ProjectInput input) {
		long id = projects.create(user, input);
		return ResponseEntity.status(HttpStatus.CREATED).body(projects.detail(user, id));
	}

	@GetMapping("/housing/projects/{id}")
	@Operation(summary = "One project: villages, sites, rules, notice period")
	ProjectDetail project(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return projects.detail(user, id);
	}

	@PutMapping("/housing/projects/{id}")
	@Operation(summary = "Edit a project: villages may be added, not removed; sites with an id are edited, without one added")
	ProjectDetail update(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody ProjectInput input) {
		projects.update(user, id, input);
		return projects.detail(user, id);
	}

	@GetMapping("/housing/projects/{id}/households")
	@Operation(summary = "The project's households the caller sees, in list order, masked (no ID, no phone): eligible, "
			+ "priorityGroups, reasons (rule, fact, text), place, priorityRank when final, choice and agreement (null "
			+ "until the choice part knows them); eligible=true/false filters")
	PagedModel<HouseholdRow> households(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Boolean eligible, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, Locale locale) {
		return new PagedModel<>(lists.households(user, id, eligible, ApiPaging.of(page, size), locale));
	}

	@PostMapping("/housing/projects/{id}/surveys")
	@Operation(summary = "Record a household survey from a phone: clientId (UUID), householdId, hasHouse, safetyGrade "
			+ "A-D (none without a house), willingness WILLING/UNDECIDED/UNWILLING, familySize 1-30, groups, specialNeeds. "
			+ "201; the same clientId again answers 200 with the stored survey")
	ResponseEntity<SavedSurvey> survey(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody SurveyInput input) {
		SavedSurvey saved = surveys.record(user, id, input);
		return ApiStatus.createdOrOk(saved.created(), saved);
	}

	@PutMapping("/housing/projects/{id}/rules")
	@Operation(summary = "Set the rules: priorityGroups in priority order, unsafeGrades, groupRequired")
	EligibilityRules rules(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody RulesInput input) {
		return lists.saveRules(user, id, input);
	}

	@PostMapping("/housing/projects/{id}/eligibility")
	@Operation(summary = "Run the rules over every household (the same facts give the same result and order)")
	RunResult run(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return lists.run(user, id);
	}

	@PostMapping("/housing/projects/{id}/notice")
	@Operation(summary = "Open (or move) the public notice period of the list: startsOn, endsOn")
	ResponseEntity<Void> notice(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody NoticeInput input) {
		lists.openNotice(user, id, input);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/housing/projects/{id}/objections")
	@Operation(summary = "The objections in the caller's villages with their answers")
	List<Objection> objections(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return lists.objections(user, id);
	}

	@PostMapping("/housing/projects/{id}/objections")
	@Operation(summary = "Record an objection raised during the notice period: householdId or villageCode, text, raisedOn")
	ResponseEntity<Map<String, Long>> objection(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody ObjectionInput input) {
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", lists.recordObjection(user, id, input)));
	}

	@PostMapping("/housing/objections/{id}/answer")
	@Operation(summary = "Answer an objection: {answer}")
	ResponseEntity<Void> answer(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody Map<String, String> body) {
		lists.answer(user, id, body.get("answer"));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/housing/projects/{id}/final")
	@Operation(summary = "Make the list final: 409 before the notice period is over or while an objection is unanswered")
	Map<String, Integer> finalise(@Parameter(hidden = true) CurrentUser user, @PathVariable long id) {
		return Map.of("ranked", lists.finalise(user, id));
	}

	@GetMapping("/public/housing/{projectId}")
	@Operation(summary = "A project's public board without login: every section's public data (masked names only)")
	Map<String, Object> publicBoard(@PathVariable long projectId) {
		return board.board(projectId).json();
	}
}
