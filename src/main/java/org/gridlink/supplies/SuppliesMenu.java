package org.gridlink.supplies;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** Reserves and supply requests for the center, leaders, streets, communities and warehouse units; the gap board. */
@Component
class SuppliesMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (SupplyAccess.readsReserves(user)) {
			entries.add(new MenuEntry("nav.supplies.requests", "/supplies/requests"));
			entries.add(new MenuEntry("nav.supplies.reserves", "/supplies"));
		}
		if (SupplyAccess.readsPlaces(user)) {
			entries.add(new MenuEntry("nav.supplies.gaps", "/supplies/gaps"));
		}
		return entries;
	}
}
