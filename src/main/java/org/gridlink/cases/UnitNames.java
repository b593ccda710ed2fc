package org.gridlink.cases;

import java.util.Map;
import java.util.stream.Collectors;

import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.springframework.stereotype.Component;

/** Unit names by id, read through the jurisdiction module's facade (56 units in the reference district). */
@Component
class UnitNames {

	private final Organization organization;

	UnitNames(Organization organization) {
		this.organization = organization;
	}

	Map<Long, String> names() {
		return organization.allUnits().stream().collect(Collectors.toMap(UnitView::id, UnitView::name));
	}

	boolean exists(long id) {
		return names().containsKey(id);
	}
}
