package org.gridlink.jurisdiction.api;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.MapMeasures;
import org.gridlink.platform.CurrentUser;
import org.gridlink.shared.JurisdictionLevel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the district map shows: the measures grids can be coloured by, their values, and the areas to label. */
@RestController
@RequestMapping("/api/v1/map")
@Tag(name = "Map")
class MapApiController {

	private final MapMeasures measures;
	private final Jurisdictions jurisdictions;

	MapApiController(MapMeasures measures, Jurisdictions jurisdictions) {
		this.measures = measures;
		this.jurisdictions = jurisdictions;
	}

	@GetMapping("/measures")
	@Operation(summary = "The measures the caller may colour the map by (open cases, screening progress, people in quarantine)")
	List<MapMeasures.Choice> choices(@Parameter(hidden = true) CurrentUser user, Locale locale) {
		return measures.choices(user, locale);
	}

	@GetMapping("/measures/{key}")
	@Operation(summary = "One measure's value per grid, only for grids in the caller's scope; 404 unknown, 403 not readable")
	MapMeasures.Values values(@Parameter(hidden = true) CurrentUser user, @PathVariable String key, Locale locale) {
		return measures.values(user, key, locale);
	}

	@GetMapping(value = "/areas", produces = "application/geo+json")
	@Operation(summary = "Streets or communities in the caller's scope with boundaries and label points, as GeoJSON")
	String areas(@Parameter(hidden = true) CurrentUser user, @RequestParam JurisdictionLevel level) {
		return jurisdictions.areasGeoJson(user, level);
	}
}
