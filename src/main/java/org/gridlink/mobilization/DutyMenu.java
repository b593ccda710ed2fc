package org.gridlink.mobilization;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.gridlink.platform.Role;
import org.springframework.stereotype.Component;

/** The cadre's duty page; the posted cadres' boards for communities, streets, the center, leaders and units. */
@Component
class DutyMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (user.has(Role.CADRE)) {
			entries.add(new MenuEntry("nav.duty", "/duty"));
		}
		if (DutyAccess.readsLists(user)) {
			entries.add(new MenuEntry("nav.duty.presence", "/duty/presence"));
		}
		if (DutyAccess.readsAnyUnit(user)) {
			entries.add(new MenuEntry("nav.duty.units", "/duty/units"));
		}
		return entries;
	}
}
