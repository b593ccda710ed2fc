package org.gridlink.command;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** The command center for the center, the leaders and street and community staff. */
@Component
class CommandMenu implements MenuEntries {

	private final CommandCenter center;

	CommandMenu(CommandCenter center) {
		this.center = center;
	}

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (center.mayOpen(user)) {
			entries.add(new MenuEntry("nav.command", "/command"));
		}
		if (DailySummaries.mayRead(user) && !user.scope().isEmpty()) {
			entries.add(new MenuEntry("command.summary.list", "/command/summaries"));
		}
		return entries;
	}
}
