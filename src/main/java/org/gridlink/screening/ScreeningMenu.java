package org.gridlink.screening;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** The screening campaigns in the menu of the roles that run, record or follow them. */
@Component
class ScreeningMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		return ScreeningAccess.canRead(user) ? List.of(new MenuEntry("nav.screening", "/screening")) : List.of();
	}
}
