package org.gridlink.mobilization.volunteers;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.gridlink.platform.Role;
import org.springframework.stereotype.Component;

/** "志愿者 / Volunteers" for community staff, leaders and units; "我的志愿服务 / My volunteering" for volunteers. */
@Component
class VolunteerMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (user.has(Role.VOLUNTEER)) {
			entries.add(new MenuEntry("volunteers.menu.mine", "/volunteer"));
		}
		if (VolunteerAccess.canRead(user)) {
			entries.add(new MenuEntry("volunteers.menu", "/volunteers"));
		}
		return entries;
	}
}
