package org.gridlink.supplies.necessities;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** The necessities board for those who order or hand over; produce matching for the center and streets. */
@Component
class NecessityMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (NecessityAccess.canOrder(user) || NecessityAccess.canDeliver(user)) {
			entries.add(new MenuEntry("nav.necessities", "/necessities"));
		}
		if (NecessityAccess.canManageProduce(user)) {
			entries.add(new MenuEntry("nav.produce", "/produce"));
		}
		return entries;
	}
}
