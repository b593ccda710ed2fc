package org.gridlink.jurisdiction;

import java.util.List;

/** Everything the grid page shows: boundary, grid workers, police grids and officers, compounds and buildings. */
@org.springframework.modulith.NamedInterface("api")
public record GridDetail(JurisdictionNode grid, String boundaryGeoJson, List<String> gridWorkers,
		List<PoliceGridView> policeGrids, List<CompoundView> compounds) {

	public record PoliceGridView(String code, String name, List<String> officers) {
	}

	public record CompoundView(long id, String name, String propertyCompany, List<String> buildings) {
	}
}
