package org.gridlink.housing.choice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gridlink.housing.HousingBoardSection;
import org.springframework.stereotype.Component;

/**
 * The public board's unit types: name, floor area, price, subsidy and the household's share, and links to the public
 * drawings ({@code /housing/drawings/{id}}). No household's data at all.
 */
@Component
class UnitTypesBoardSection implements HousingBoardSection {

	private final UnitTypes unitTypes;

	UnitTypesBoardSection(UnitTypes unitTypes) {
		this.unitTypes = unitTypes;
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public String key() {
		return "unitTypes";
	}

	@Override
	public String fragment() {
		return "housing/choice/board :: unitTypes";
	}

	@Override
	public Map<String, Object> publicData(long projectId) {
		List<Map<String, Object>> types = unitTypes.publicList(projectId).stream().map(t -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", t.name());
			m.put("floorArea", t.floorArea());
			m.put("area", t.area());
			m.put("priceFen", t.priceFen());
			m.put("price", t.price());
			m.put("subsidyFen", t.subsidyFen());
			m.put("subsidy", t.subsidy());
			m.put("share", t.share());
			m.put("drawings", t.drawings().stream()
					.map(d -> Map.of("title", d.title(), "contentType", d.contentType(), "href", "/housing/drawings/" + d.id()))
					.toList());
			return m;
		}).toList();
		return Map.of("types", types);
	}
}
