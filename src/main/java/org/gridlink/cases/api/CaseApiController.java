package org.gridlink.cases.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.cases.ActionInput;
import org.gridlink.cases.CaseAction;
import org.gridlink.cases.CaseCategories;
import org.gridlink.cases.CaseCategory;
import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseQuery;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.CaseStatus;
import org.gridlink.cases.CaseSummary;
import org.gridlink.cases.CaseView;
import org.gridlink.cases.NewCase;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.ListPage;
import org.gridlink.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Linked case handling for API clients: report, list and read within scope, and take the loop's steps. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases")
class CaseApiController {

	private final CaseManagement cases;
	private final CaseCategories categories;

	CaseApiController(CaseManagement cases, CaseCategories categories) {
		this.cases = cases;
		this.categories = categories;
	}

	/** A report: minor class, description, and a jurisdiction code or a point. */
	record CaseRequest(@Nullable String categoryCode, @Nullable String description, @Nullable String jurisdictionCode,
			@Nullable Double lat, @Nullable Double lng, @Nullable String address, @Nullable String source) {
	}

	@PostMapping("/cases")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Report a case in the caller's scope (jurisdictionCode, or lat/lng located in its grid); "
			+ "a retried request with the same Idempotency-Key returns the same case")
	CaseView report(@RequestBody CaseRequest request,
			@Parameter(description = "Any unique string per report; a retry with the same key returns the first case")
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			@Parameter(hidden = true) CurrentUser user) {
		return cases.report(user, new NewCase(request.categoryCode(), request.description(),
				request.jurisdictionCode(), request.lat(), request.lng(), request.address(),
				CaseSource.reportedBy(user, request.source()), null), idempotencyKey);
	}

	@GetMapping("/cases")
	@Operation(summary = "Cases in the caller's scope (department handlers: their unit's cases), newest first",
			description = "page/size as usual, or after=<next of the previous page> for the page after it at any depth "
					+ "(keyset; page must then be 0). A bad cursor is a 400.")
	ListPage.Json<CaseSummary> list(@RequestParam(required = false) @Nullable CaseStatus status,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable Long unit,
			@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @Nullable Boolean overdue, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@RequestParam(required = false) @Nullable String after, @Parameter(hidden = true) CurrentUser user) {
		if (after != null && page != 0) {
			throw new InvalidInputException("error.cursor");
		}
		return cases.list(user, new CaseQuery(status, category, unit, jurisdiction, overdue, q), ApiPaging.of(page, size),
				after).json();
	}

	@GetMapping("/cases/{id}")
	@Operation(summary = "One case with its units and full history")
	CaseView get(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return cases.get(user, id);
	}

	@PostMapping("/cases/{id}/actions/{action}")
	@Operation(summary = "Take a step: file, reject, dispatch, accept, return, feedback, verify, close, evaluate, "
			+ "extend, approve-extension, defer, approve-deferral, park, resume, urge, void, merge")
	CaseView act(@PathVariable long id, @PathVariable String action,
			@RequestBody(required = false) @Nullable ActionInput input, @Parameter(hidden = true) CurrentUser user) {
		CaseAction step = CaseAction.fromPath(action)
				.orElseThrow(() -> new NotFoundException("cases.action.unknown", action));
		return cases.act(user, id, step, input == null ? ActionInput.empty() : input);
	}

	@GetMapping("/cases/{id}/route")
	@Operation(summary = "What dispatch would do by default: the routing rule's units, police grid, property company")
	CaseManagement.RouteSuggestion route(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return cases.suggestRoute(user, id);
	}

	@GetMapping("/case-categories")
	@Operation(summary = "The category code table: major and minor classes with conditions and time limits")
	List<CaseCategory> categories() {
		return categories.all();
	}
}
