package org.gridlink.inspection;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** "督查轮次 / Supervision rounds" for those who see supervision: center, leaders, inspectors in a group, streets, communities and units. */
@Component
class InspectionMenu implements MenuEntries {

	private final Inspections inspections;

	InspectionMenu(Inspections inspections) {
		this.inspections = inspections;
	}

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		return inspections.canRead(user) ? List.of(new MenuEntry("inspection.menu", "/inspection")) : List.of();
	}
}
