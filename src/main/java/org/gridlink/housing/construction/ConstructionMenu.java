package org.gridlink.housing.construction;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.gridlink.platform.Role;
import org.springframework.stereotype.Component;

/** The wall chart for whoever sees a construction site; the daily report page for site managers. */
@Component
class ConstructionMenu implements MenuEntries {

	private final ConstructionAccess access;

	ConstructionMenu(ConstructionAccess access) {
		this.access = access;
	}

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (user.has(Role.SITE_MANAGER) && !access.managed(user).isEmpty()) {
			entries.add(new MenuEntry("construction.menu.report", "/construction/report"));
		}
		if ((ConstructionAccess.byPlace(user) && !user.scope().isEmpty()) || user.has(Role.SITE_MANAGER)) {
			entries.add(new MenuEntry("construction.menu.chart", "/construction"));
		}
		return entries;
	}
}
