package org.gridlink.cases;

import java.util.Comparator;
import java.util.List;

import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.jurisdiction.TreeRow;
import org.gridlink.platform.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Names the case pages need to offer choices: the units a case can be dispatched to, and the places (street,
 * community, grid) below a jurisdiction within the caller's scope. Read through the jurisdiction module's facades.
 */
@Service
public class CaseDirectory {

	/** A place to pick: its code and name. */
	public record Place(String code, String name) {
	}

	private final UnitNames units;
	private final Jurisdictions jurisdictions;

	CaseDirectory(UnitNames units, Jurisdictions jurisdictions) {
		this.units = units;
		this.jurisdictions = jurisdictions;
	}

	/** Every unit, by name. */
	public List<CaseView.UnitRef> units() {
		return units.names().entrySet().stream().map(e -> new CaseView.UnitRef(e.getKey(), e.getValue()))
				.sorted(Comparator.comparing(CaseView.UnitRef::name)).toList();
	}

	/** The top places of the caller's scope (a district, a street, a community or their grids). */
	public List<Place> roots(CurrentUser user) {
		return jurisdictions.roots(user).stream().map(CaseDirectory::place).toList();
	}

	/** The children of a place in the caller's scope; 403 outside it. */
	public List<Place> children(CurrentUser user, String code) {
		return jurisdictions.children(user, code).stream().map(CaseDirectory::place).toList();
	}

	/** The district a report without a location is filed under (the center places it). */
	public String district() {
		return jurisdictions.districtCodes().stream().findFirst().orElseThrow();
	}

	private static Place place(TreeRow row) {
		return new Place(row.node().code(), row.node().name());
	}
}
