package org.gridlink.residents.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.ListPage;
import org.gridlink.residents.NewResident;
import org.gridlink.residents.ResidentMove;
import org.gridlink.residents.ResidentQuery;
import org.gridlink.residents.ResidentView;
import org.gridlink.residents.Residents;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
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

/** The residents registry for integration partners: scoped, masked; a full value only by an audited reveal. */
@RestController
@RequestMapping("/api/v1/residents")
@Tag(name = "Residents")
class ResidentApiController {

	private final Residents residents;

	ResidentApiController(Residents residents) {
		this.residents = residents;
	}

	record RevealRequest(String field, String reason) {
	}

	record Revealed(String field, String value) {
	}

	@GetMapping
	@Operation(summary = "Residents in the caller's scope by jurisdiction, text (name, address; exact ID number or phone) and tag; masked",
			description = "Ordered by grid, then registration. page/size as usual, or after=<next of the previous page> "
					+ "for the page after it at any depth (keyset; page must then be 0). page.totalElements is exact "
					+ "while the searched area holds at most 20,000 residents, else an estimate and "
					+ "page.totalEstimated is true. A bad cursor is a 400.")
	ListPage.Json<ResidentView> search(CurrentUser user, @ParameterObject ResidentQuery query,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@RequestParam(required = false) @Nullable String after) {
		if (after != null && page != 0) {
			throw new InvalidInputException("error.cursor");
		}
		return residents.search(user, query, ApiPaging.of(page, size), after).json();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One resident in the caller's scope, masked")
	ResidentView get(CurrentUser user, @PathVariable long id) {
		return residents.get(user, id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a resident (or update the one with the same ID number)")
	ResidentView register(CurrentUser user, @RequestBody NewResident resident) {
		return residents.register(user, resident);
	}

	@PostMapping("/{id}/reveal")
	@Operation(summary = "The full ID number or phone of one resident, with a reason; audited")
	Revealed reveal(CurrentUser user, @PathVariable long id, @RequestBody RevealRequest request) {
		return new Revealed(request.field(), residents.reveal(user, id, nz(request.field()), nz(request.reason())));
	}

	@PostMapping("/{id}/move")
	@Operation(summary = "Move a resident to a household of another grid")
	ResidentView move(CurrentUser user, @PathVariable long id, @RequestBody ResidentMove move) {
		return residents.move(user, id, move);
	}

	@PutMapping("/{id}/tags/{tag}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set a care or follow-up tag")
	void tag(CurrentUser user, @PathVariable long id, @PathVariable String tag) {
		residents.tag(user, id, tag);
	}

	@DeleteMapping("/{id}/tags/{tag}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a tag")
	void untag(CurrentUser user, @PathVariable long id, @PathVariable String tag) {
		residents.untag(user, id, tag);
	}

	@GetMapping("/tag-types")
	@Operation(summary = "Tag types with their legal basis and review period")
	java.util.List<Residents.TagType> tagTypes() {
		return residents.tagTypes();
	}

	private static String nz(@Nullable String value) {
		return value == null ? "" : value;
	}
}
