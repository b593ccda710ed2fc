package org.gridlink.housing.choice.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.gridlink.housing.choice.AgreementPdf;
import org.gridlink.housing.choice.Agreements;
import org.gridlink.housing.choice.Choices;
import org.gridlink.housing.choice.SubsidyTranches;
import org.gridlink.housing.choice.TranchePlan;
import org.gridlink.housing.choice.UnitTypes;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.ListPage;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Rural housing, choice and agreements, for API clients: unit types and drawings, households' choices, allocation
 * rounds, agreements (PDF, signed scan), subsidy tranches and payments. Scope: the projects and households the caller
 * sees (docs/housing-choice.md); lists are paged ({@code page}, {@code size} up to 500).
 */
@RestController
@RequestMapping("/api/v1/housing")
@Tag(name = "Rural housing: choice and agreements")
class ChoiceApiController {

	private final UnitTypes unitTypes;
	private final Choices choices;
	private final Agreements agreements;
	private final SubsidyTranches tranches;
	private final AgreementPdf pdf;

	ChoiceApiController(UnitTypes unitTypes, Choices choices, Agreements agreements, SubsidyTranches tranches,
			AgreementPdf pdf) {
		this.unitTypes = unitTypes;
		this.choices = choices;
		this.agreements = agreements;
		this.tranches = tranches;
		this.pdf = pdf;
	}

	@GetMapping("/projects/{id}/unit-types")
	@Operation(summary = "The project's unit types: name, floorArea (m²), priceFen, subsidyFen, drawings")
	List<UnitTypes.UnitType> unitTypes(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return unitTypes.list(user, id);
	}

	@PostMapping("/projects/{id}/unit-types")
	@Operation(summary = "Add a unit type (township staff of the project, center): {name, floorArea, priceFen, "
			+ "subsidyFen}; subsidy at most the price; 400 names what is wrong")
	ResponseEntity<UnitTypes.UnitType> addUnitType(@PathVariable long id, @RequestBody UnitTypes.NewUnitType body,
			@Parameter(hidden = true) CurrentUser user) {
		return ResponseEntity.status(201).body(unitTypes.create(user, id, body));
	}

	@PostMapping("/unit-types/{id}/drawings")
	@Operation(summary = "Add a drawing (multipart file: PDF, JPEG, PNG or WebP, at most 10 MB, checked by content; "
			+ "title; public true/false, default true: linked from the public board)")
	ResponseEntity<UnitTypes.Drawing> addDrawing(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(name = "public", defaultValue = "true") boolean publicFile,
			@Parameter(hidden = true) CurrentUser user) throws IOException {
		return ResponseEntity.status(201).body(unitTypes.addDrawing(user, id, title, file.getBytes(), publicFile));
	}

	@GetMapping("/drawings/{id}")
	@Operation(summary = "A drawing's file")
	ResponseEntity<byte[]> drawing(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		UnitTypes.DrawingContent content = unitTypes.drawing(user, id);
		return ChoiceController.file(content.contentType(), content.bytes(), "drawing-" + id);
	}

	@GetMapping("/projects/{id}/choices")
	@Operation(summary = "The project's households the caller sees with their choice, plot and agreement, by list "
			+ "place; village (12 digits) narrows; all=true includes households not on the final list")
	ListPage.Json<Choices.HouseholdRow> households(@PathVariable long id,
			@RequestParam(required = false) @Nullable String village,
			@RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @Parameter(hidden = true) CurrentUser user) {
		return choices.households(user, id, village, !all, ApiPaging.of(page, size)).json();
	}

	record ChoiceBody(@Nullable Long unitTypeId, @Nullable Boolean deferred) {
	}

	@PutMapping("/households/{id}/choice")
	@Operation(summary = "Record a household's choice (village or township staff): {unitTypeId} or {deferred:true}. "
			+ "Replaces the current choice (kept in the history); 409 when the household is not on the final list or "
			+ "its agreement is signed")
	Choices.HouseholdRow choose(@PathVariable long id, @RequestBody ChoiceBody body,
			@Parameter(hidden = true) CurrentUser user) {
		return choices.choose(user, id, body.unitTypeId(), Boolean.TRUE.equals(body.deferred()));
	}

	@GetMapping("/households/{id}/choice-history")
	@Operation(summary = "Every choice the household made, oldest first")
	List<Choices.HistoryEntry> history(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return choices.history(user, id);
	}

	@GetMapping("/projects/{id}/allocation")
	@Operation(summary = "The project's allocation rounds, newest first: method, seed, witnesses, drawn order")
	List<Choices.Round> rounds(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return choices.rounds(user, id);
	}

	@PostMapping("/projects/{id}/allocation")
	@Operation(summary = "Allocate the free plots to households that chose a unit type and hold none: {method:LOT, "
			+ "witnesses:[at least two names], seed (optional, drawn when absent)} or {method:PRIORITY}")
	ResponseEntity<Choices.Round> allocate(@PathVariable long id, @RequestBody Choices.NewRound body,
			@Parameter(hidden = true) CurrentUser user) {
		return ResponseEntity.status(201).body(choices.allocate(user, id, body));
	}

	@GetMapping("/projects/{id}/agreements")
	@Operation(summary = "The project's agreements the caller sees, by number; state DRAFTED or SIGNED narrows")
	ListPage.Json<Agreements.Agreement> agreements(@PathVariable long id,
			@RequestParam(required = false) @Nullable String state, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @Parameter(hidden = true) CurrentUser user) {
		return agreements.list(user, id, state, ApiPaging.of(page, size)).json();
	}

	@PostMapping("/households/{id}/agreement")
	@Operation(summary = "Draft (or draft again) the household's agreement from its unit type and plot; 409 when it "
			+ "has no unit type, no plot or a signed agreement")
	ResponseEntity<Agreements.Agreement> draft(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return ResponseEntity.status(201).body(agreements.draft(user, id));
	}

	@GetMapping("/agreements/{id}")
	@Operation(summary = "One agreement with its figures")
	Agreements.Agreement agreement(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return agreements.get(user, id);
	}

	@GetMapping("/agreements/{id}/pdf")
	@Operation(summary = "The agreement as a PDF to print and sign")
	ResponseEntity<byte[]> agreementPdf(@PathVariable long id, @Parameter(hidden = true) CurrentUser user,
			Locale locale) {
		Agreements.Agreement a = agreements.get(user, id);
		byte[] bytes = pdf.render(agreements.project(user, a.projectId()), a, tranches.tranches(user, id), locale);
		return ChoiceController.file("application/pdf", bytes, a.number());
	}

	@PostMapping("/agreements/{id}/scan")
	@Operation(summary = "Upload the signed agreement (multipart scan: PDF, JPEG, PNG or WebP, at most 10 MB; signedOn "
			+ "yyyy-MM-dd, default today): the agreement becomes SIGNED; 409 when it already is")
	Agreements.Agreement sign(@PathVariable long id, @RequestParam("scan") MultipartFile scan,
			@RequestParam(required = false) @Nullable String signedOn, @Parameter(hidden = true) CurrentUser user)
			throws IOException {
		return agreements.sign(user, id, scan.getBytes(), date(signedOn, "housing.choice.agreement.signedOn"));
	}

	@GetMapping("/agreements/{id}/scan")
	@Operation(summary = "The signed scan (reading it is audited)")
	ResponseEntity<byte[]> scan(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		Agreements.Scan scan = agreements.scan(user, id);
		return ChoiceController.file(scan.contentType(), scan.bytes(), "agreement-" + id);
	}

	@GetMapping("/agreements/{id}/tranches")
	@Operation(summary = "The agreement's subsidy tranches: milestone, percent, amountFen, state (UNSIGNED, WAITING, "
			+ "DUE, PAID), reachedOn, paidOn, reference")
	List<SubsidyTranches.Tranche> tranches(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return tranches.tranches(user, id);
	}

	@PostMapping("/agreements/{id}/payments")
	@Operation(summary = "Record a due tranche as paid (township staff, center): {milestone, paidOn, reference}; 409 "
			+ "when it is not due yet or already paid")
	ResponseEntity<SubsidyTranches.Tranche> pay(@PathVariable long id, @RequestBody SubsidyTranches.Payment body,
			@Parameter(hidden = true) CurrentUser user) {
		return ResponseEntity.status(201).body(tranches.pay(user, id, body));
	}

	@GetMapping("/projects/{id}/tranche-plan")
	@Operation(summary = "The project's tranche plan: [{milestone, percent}]")
	List<TranchePlan.Step> plan(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		agreements.project(user, id);
		return tranches.plan(id);
	}

	@PutMapping("/projects/{id}/tranche-plan")
	@Operation(summary = "Set the tranche plan [{milestone, percent}] (percents add up to 100, each milestone once) "
			+ "before any tranche is paid")
	List<TranchePlan.Step> setPlan(@PathVariable long id, @RequestBody @Nullable List<TranchePlan.Step> body,
			@Parameter(hidden = true) CurrentUser user) {
		return tranches.setPlan(user, id, body);
	}

	@GetMapping("/projects/{id}/subsidy-totals")
	@Operation(summary = "Subsidies of the signed agreements the caller sees: signed, paid, due, waiting (fen)")
	SubsidyTranches.Totals totals(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return tranches.totals(user, id);
	}

	static @Nullable LocalDate date(@Nullable String text, String key) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(key);
		}
	}
}
