package org.gridlink.cases;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.gridlink.platform.DemoData;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo district's routing rules (by unit code, U01 … U56 of the demo units), loaded once into an empty rule
 * table. Demo mode only ({@code @DemoData}): a real district enters its own.
 */
@DemoData
@Order(20)
class DemoRoutingLoader implements ApplicationRunner {

	/** category, lead unit code, assisting unit codes, suggest police, suggest property. */
	record Rule(String category, String lead, List<String> assisting, boolean police, boolean property) {
	}

	static final List<Rule> RULES = List.of(
			new Rule("C0101", "U53", List.of(), false, false), new Rule("C0102", "U02", List.of(), false, false),
			new Rule("C0103", "U52", List.of(), false, false), new Rule("C0104", "U54", List.of("U24"), false, false),
			new Rule("C0105", "U49", List.of(), false, false), new Rule("C0201", "U02", List.of(), false, false),
			new Rule("C0202", "U09", List.of(), true, false), new Rule("C0203", "U17", List.of(), false, false),
			new Rule("C0204", "U17", List.of(), false, false), new Rule("C03", "U02", List.of(), false, false),
			new Rule("C04", "U02", List.of(), false, false), new Rule("E01", "U02", List.of(), false, true),
			new Rule("E02", "U02", List.of("U09"), true, false), new Rule("E0301", "U15", List.of("U02"), false, false),
			new Rule("E0302", "U16", List.of("U02"), false, false),
			new Rule("E0401", "U16", List.of("U17", "U09"), true, false),
			new Rule("E0402", "U53", List.of(), false, false),
			new Rule("E0403", "U54", List.of("U49", "U24"), true, true), new Rule("S01", "U09", List.of(), true, false),
			new Rule("S0201", "U11", List.of(), true, false), new Rule("S0202", "U11", List.of(), true, true),
			new Rule("S0203", "U13", List.of(), false, false), new Rule("S0204", "U16", List.of(), false, true),
			new Rule("S0301", "U22", List.of("U56"), false, false), new Rule("S0302", "U22", List.of(), false, false),
			new Rule("S0303", "U20", List.of(), false, false), new Rule("S04", "U10", List.of(), false, false),
			new Rule("S0402", "U16", List.of(), false, true), new Rule("S0501", "U49", List.of("U24"), false, true),
			new Rule("S0502", "U16", List.of("U24"), false, false), new Rule("S0503", "U54", List.of("U24"), false, true),
			// enterprise appeals (S07): finance office, tax bureau, housing, human resources, justice bureau and
			// court, justice bureau, administrative approval bureau
			new Rule("S0701", "U12", List.of("U05"), false, false), new Rule("S0702", "U48", List.of(), false, false),
			new Rule("S0703", "U16", List.of("U20"), false, false), new Rule("S0704", "U13", List.of(), false, false),
			new Rule("S0705", "U11", List.of("U50"), false, false), new Rule("S0706", "U11", List.of(), false, false),
			new Rule("S0707", "U29", List.of(), false, false));

	private final Organization organization;
	private final JdbcTemplate jdbc;

	DemoRoutingLoader(Organization organization, JdbcTemplate jdbc) {
		this.organization = organization;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		Map<String, Long> units = organization.allUnits().stream()
				.collect(Collectors.toMap(UnitView::code, UnitView::id, (a, b) -> a));
		Long count = jdbc.queryForObject("SELECT COUNT(*) FROM case_routing_rule", Long.class);
		if (!units.containsKey("U56") || count == null || count > 0) {
			return;
		}
		jdbc.batchUpdate("""
				INSERT INTO case_routing_rule (district_code, category_code, jurisdiction_prefix, lead_unit_id,
				assisting_unit_ids, suggest_police, suggest_property) VALUES ('320819', ?, '320819', ?, ?, ?, ?)""",
				RULES.stream().map(r -> new Object[] { r.category(), units.get(r.lead()),
						r.assisting().stream().map(u -> String.valueOf(units.get(u))).collect(Collectors.joining(",")),
						r.police(), r.property() }).toList());
	}
}
