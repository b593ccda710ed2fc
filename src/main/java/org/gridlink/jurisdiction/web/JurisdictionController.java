package org.gridlink.jurisdiction.web;

import java.util.Locale;
import java.util.Optional;

import org.gridlink.jurisdiction.DemoBaseLayer;
import org.gridlink.jurisdiction.JurisdictionDetail;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.MapMeasures;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.platform.CurrentUser;
import org.gridlink.shared.JurisdictionLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The jurisdiction tree (district > street/town > community/village > grid), a node's page with its counts and
 * children, a grid's page with its map and people, and the district map. All reads go through the scoped facade.
 */
@Controller
class JurisdictionController {

	private final Jurisdictions jurisdictions;
	private final Organization organization;

	private final MapMeasures measures;
	private final Optional<DemoBaseLayer> demoBaseLayer;

	JurisdictionController(Jurisdictions jurisdictions, Organization organization, MapMeasures measures,
			Optional<DemoBaseLayer> demoBaseLayer) {
		this.jurisdictions = jurisdictions;
		this.organization = organization;
		this.measures = measures;
		this.demoBaseLayer = demoBaseLayer;
	}

	@GetMapping("/jurisdictions")
	String tree(CurrentUser user, Model model) {
		model.addAttribute("rows", jurisdictions.roots(user));
		return "jurisdiction/tree";
	}

	/** The children of a node as an htmx fragment, to unfold the tree in place. */
	@GetMapping(value = "/jurisdictions/{code}/children", headers = "HX-Request")
	String children(CurrentUser user, @PathVariable String code, Model model) {
		model.addAttribute("rows", jurisdictions.children(user, code));
		return "jurisdiction/tree :: rows";
	}

	@GetMapping("/jurisdictions/{code}")
	String detail(CurrentUser user, @PathVariable String code, Model model,
			@RequestHeader(value = "HX-Request", required = false) String htmx) {
		JurisdictionDetail detail = jurisdictions.get(user, code);
		model.addAttribute("detail", detail);
		if (detail.level().equals(JurisdictionLevel.GRID.name())) {
			model.addAttribute("grid", jurisdictions.grid(user, code));
			return "jurisdiction/grid";
		}
		model.addAttribute("rows", jurisdictions.children(user, code));
		if (detail.level().equals(JurisdictionLevel.COMMUNITY.name())) {
			model.addAttribute("posts", organization.posts(code));
		}
		return "jurisdiction/node";
	}

	/**
	 * The district map: grids coloured by the measures the user may read, open cases first; in demo mode over the
	 * demo district's base layer (river and main roads), which belongs to the demo district only.
	 */
	@GetMapping("/map")
	String map(CurrentUser user, Model model, Locale locale,
			@RequestParam(required = false) @Nullable String parent) {
		model.addAttribute("measures", measures.choices(user, locale));
		model.addAttribute("baseLayer", demoBaseLayer.flatMap(DemoBaseLayer::path).orElse(null));
		model.addAttribute("parent", parent == null || parent.isBlank() ? null : parent.strip());
		return "jurisdiction/map";
	}
}
