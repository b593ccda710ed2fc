package org.gridlink.jurisdiction.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.jurisdiction.JurisdictionDetail;
import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.NotFoundException;
import org.gridlink.shared.JurisdictionLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Jurisdiction tree and grid lookup for integration partners; every answer is limited to the caller's scope. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Jurisdictions")
class JurisdictionApiController {

	private final Jurisdictions jurisdictions;

	JurisdictionApiController(Jurisdictions jurisdictions) {
		this.jurisdictions = jurisdictions;
	}

	@GetMapping("/jurisdictions")
	@Operation(summary = "Jurisdictions in the caller's scope, optionally by level and parent, paged")
	PagedModel<JurisdictionNode> list(CurrentUser user, @RequestParam(required = false) @Nullable JurisdictionLevel level,
			@RequestParam(required = false) @Nullable String parent, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return new PagedModel<>(jurisdictions.list(user, level, parent, ApiPaging.of(page, size)));
	}

	@GetMapping("/jurisdictions/{code}")
	@Operation(summary = "One jurisdiction with its children counts; 403 outside the caller's scope")
	JurisdictionDetail get(CurrentUser user, @PathVariable String code) {
		return jurisdictions.get(user, code);
	}

	@GetMapping("/grids/locate")
	@Operation(summary = "The grid containing a WGS 84 point; 404 outside the district")
	JurisdictionNode locate(@RequestParam double lat, @RequestParam double lng) {
		return jurisdictions.locate(lat, lng)
				.orElseThrow(() -> new NotFoundException("grid.not.located", lat + "," + lng));
	}

	@GetMapping(value = "/grids/geojson", produces = "application/geo+json")
	@Operation(summary = "Grid boundaries in the caller's scope (under an optional parent) as GeoJSON")
	String geojson(CurrentUser user, @RequestParam(required = false) @Nullable String parent) {
		return jurisdictions.gridsGeoJson(user, parent);
	}
}
