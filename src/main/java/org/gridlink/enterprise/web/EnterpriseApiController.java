package org.gridlink.enterprise.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridlink.enterprise.EnterpriseFilter;
import org.gridlink.enterprise.EnterpriseImportResult;
import org.gridlink.enterprise.EnterpriseImports;
import org.gridlink.enterprise.EnterpriseInput;
import org.gridlink.enterprise.EnterpriseView;
import org.gridlink.enterprise.Enterprises;
import org.gridlink.enterprise.Liaison;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
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
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The enterprise registry for API clients (docs/enterprise.md). */
@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "Enterprises")
class EnterpriseApiController {

	private final Enterprises enterprises;
	private final EnterpriseImports imports;

	EnterpriseApiController(Enterprises enterprises, EnterpriseImports imports) {
		this.enterprises = enterprises;
		this.imports = imports;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an enterprise (center, street and community staff, for a grid in their scope): "
			+ "creditCode (GB 32100, check character verified, lower case accepted), name, legalRepresentative "
			+ "(sealed, answered masked), industry (GB/T 4754 section A-T), size (LARGE|MEDIUM|SMALL|MICRO), address, "
			+ "gridCode, key, contactPhone. 400 naming the field for bad input, 403 outside the scope, 409 for a credit "
			+ "code already registered")
	EnterpriseView create(@RequestBody EnterpriseInput input, @Parameter(hidden = true) CurrentUser user) {
		return enterprises.register(user, input);
	}

	@GetMapping
	@Operation(summary = "The enterprises the caller sees (a liaison: those assigned to them; staff: their scope), key "
			+ "enterprises first; filters place (street, community or grid code), industry, key, q (name or credit code)")
	PagedModel<EnterpriseView> list(@RequestParam(required = false) @Nullable String place,
			@RequestParam(required = false) @Nullable String industry,
			@RequestParam(required = false) @Nullable Boolean key, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			@Parameter(hidden = true) CurrentUser user) {
		return new PagedModel<>(enterprises.list(user, new EnterpriseFilter(place, industry, key, q, false),
				ApiPaging.of(page, size)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One enterprise the caller sees (404 otherwise); personal data masked")
	EnterpriseView get(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return enterprises.get(user, id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit an enterprise (staff of its place; its liaison without moving it or changing the key "
			+ "flag); a blank legalRepresentative or contactPhone keeps the stored one")
	EnterpriseView update(@PathVariable long id, @RequestBody EnterpriseInput input,
			@Parameter(hidden = true) CurrentUser user) {
		return enterprises.update(user, id, input);
	}

	record RevealRequest(@Nullable String field, @Nullable String reason) {
	}

	@PostMapping("/{id}/reveal")
	@Operation(summary = "The full legalRepresentative or contactPhone (field) with a reason; audited")
	Map<String, String> reveal(@PathVariable long id, @RequestBody RevealRequest request,
			@Parameter(hidden = true) CurrentUser user) {
		return Map.of("value", enterprises.reveal(user, id, request.field(), request.reason()));
	}

	@GetMapping("/{id}/liaisons")
	@Operation(summary = "The liaisons assigned to an enterprise")
	List<Liaison> liaisons(@PathVariable long id, @Parameter(hidden = true) CurrentUser user) {
		return enterprises.liaisons(user, id);
	}

	record AssignRequest(@Nullable String username) {
	}

	@PostMapping("/{id}/liaisons")
	@Operation(summary = "Assign a liaison (an account with the liaison role) to an enterprise (center and street "
			+ "staff in scope)")
	List<Liaison> assign(@PathVariable long id, @RequestBody AssignRequest request,
			@Parameter(hidden = true) CurrentUser user) {
		enterprises.assignLiaison(user, id, request.username());
		return enterprises.liaisons(user, id);
	}

	@DeleteMapping("/{id}/liaisons/{accountId}")
	@Operation(summary = "Remove a liaison from an enterprise")
	List<Liaison> remove(@PathVariable long id, @PathVariable long accountId,
			@Parameter(hidden = true) CurrentUser user) {
		enterprises.removeLiaison(user, id, accountId);
		return enterprises.liaisons(user, id);
	}

	@PostMapping(path = "/import", consumes = "multipart/form-data")
	@Operation(summary = "Import enterprises from CSV or Excel (.xlsx): rows with problems are reported (row, column, "
			+ "value, reason) and not imported, the others are registered or update the same credit code")
	EnterpriseImportResult importFile(@RequestParam(required = false) @Nullable MultipartFile file, Locale locale,
			@Parameter(hidden = true) CurrentUser user) throws IOException {
		return imports.run(user, file == null ? new byte[0] : file.getBytes(), locale);
	}
}
