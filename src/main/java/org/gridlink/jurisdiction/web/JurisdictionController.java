package org.gridlink.jurisdiction.web;

import java.util.Locale;

import org.gridlink.jurisdiction.JurisdictionDetail;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.MapMeasures;
import org.gridlink.jurisdiction.Organization;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.DemoData;
import org.gridlink.shared.JurisdictionLevel;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The jurisdiction tree (district > street/town > community/village > grid), a node's page with its counts and
 * children, a grid's page with its map and people, and the district map. All reads go through the scoped facade.
 */
@Controller
class JurisdictionController {

	private final Jurisdictions jurisdictions;
	private final Organization organization;

	/** The demo district's code: its base layer is drawn only where it is loaded. */
	private static final String DEMO_DISTRICT = "320819000000";

	private final MapMeasures measures;
	private final boolean demoMode;

	JurisdictionController(Jurisdictions jurisdictions, Organization organization, MapMeasures measures,
			Environment environment) {
		this.jurisdictions = jurisdictions;
		this.organization = organization;
		this.measures = measures;
		this.demoMode = DemoData.DemoMode.isOn(environment);
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
	String map(CurrentUser user, Model model, Locale locale) {
		model.addAttribute("measures", measures.choices(user, locale));
		model.addAttribute("baseLayer",
				demoMode && jurisdictions.exists(DEMO_DISTRICT) ? "/geo/demo-base.geojson" : null);
		return "jurisdiction/map";
	}
}
