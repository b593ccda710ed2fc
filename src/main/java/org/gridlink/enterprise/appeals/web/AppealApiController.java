package org.gridlink.enterprise.appeals.web;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.enterprise.appeals.AppealFiled;
import org.gridlink.enterprise.appeals.AppealKpis;
import org.gridlink.enterprise.appeals.AppealLine;
import org.gridlink.enterprise.appeals.Appeals;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Appeals over JSON: file on an enterprise's behalf, list (scoped), the green channel's figures. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Enterprise appeals")
class AppealApiController {

	private final Appeals appeals;
	private final AppealKpis kpis;
	private final java.time.Clock clock;

	AppealApiController(Appeals appeals, AppealKpis kpis, java.time.Clock clock) {
		this.appeals = appeals;
		this.kpis = kpis;
		this.clock = clock;
	}

	/** The body of a new appeal. */
	record NewAppeal(@Nullable String categoryCode, @Nullable String description) {
	}

	/** The answer: the case opened, whether it goes through the green channel, its deadlines. */
	record Filed(long appealId, long caseId, @Nullable String caseNumber, boolean greenChannel,
			OffsetDateTime deadlineAt, OffsetDateTime respondBy, OffsetDateTime planBy) {

		static Filed of(AppealFiled f) {
			return new Filed(f.appealId(), f.caseId(), f.caseNumber(), f.greenChannel(), f.deadlineAt(),
					f.respondBy(), f.planBy());
		}
	}

	/** A page of appeals. */
	record AppealsPage(List<AppealLine> content, int page, int size, long totalElements) {

		static AppealsPage of(Page<AppealLine> page) {
			return new AppealsPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
		}
	}

	@Operation(summary = "File an appeal on an enterprise's behalf: categoryCode (S0701..S0707), description")
	@PostMapping("/enterprises/{id}/appeals")
	ResponseEntity<Filed> file(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestBody NewAppeal body) {
		AppealFiled filed = appeals.file(user, id, body.categoryCode(), body.description(), "API");
		return ResponseEntity.status(HttpStatus.CREATED).body(Filed.of(filed));
	}

	@Operation(summary = "One enterprise's appeals, newest first")
	@GetMapping("/enterprises/{id}/appeals")
	AppealsPage ofEnterprise(@Parameter(hidden = true) CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "30") int size) {
		appeals.enterprise(user, id);
		return AppealsPage.of(appeals.list(user, id, null, false, page, size));
	}

	@Operation(summary = "The appeals the caller sees: green (true/false), open only")
	@GetMapping("/enterprise-appeals")
	AppealsPage list(@Parameter(hidden = true) CurrentUser user, @RequestParam(required = false) @Nullable Boolean green,
			@RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "30") int size) {
		return AppealsPage.of(appeals.list(user, null, green, open, page, size));
	}

	@Operation(summary = "The green channel's figures apart from the other appeals, for appeals filed in [from, to)")
	@GetMapping("/enterprise-appeals/green-channel/kpis")
	AppealKpis.Kpis kpis(@Parameter(hidden = true) CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable OffsetDateTime to) {
		OffsetDateTime end = to == null ? OffsetDateTime.now(clock) : to;
		return kpis.of(user, from == null ? end.minusDays(30) : from, end);
	}
}
