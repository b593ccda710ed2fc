package org.gridlink.housing;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.gridlink.platform.Role;
import org.springframework.stereotype.Component;

/** Rural housing for the center, leaders, townships and villages; the household survey for grid workers. */
@Component
class HousingMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		if (!HousingAccess.reads(user)) {
			return List.of();
		}
		return List.of(new MenuEntry(user.has(Role.GRID_WORKER) && !HousingAccess.managesProjects(user)
				? "nav.housing.survey" : "nav.housing", "/housing"));
	}
}
