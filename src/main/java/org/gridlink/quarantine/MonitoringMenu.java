package org.gridlink.quarantine;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** The home quarantine board and the check-in alerts, for the roles that read monitoring. */
@Component
class MonitoringMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		if (!MonitoringAccess.canRead(user)) {
			return List.of();
		}
		return List.of(new MenuEntry("nav.checkins.board", "/quarantine/monitoring"),
				new MenuEntry("nav.checkins.alerts", "/quarantine/alerts"));
	}
}
