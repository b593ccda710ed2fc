package org.gridlink.quarantine;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** Contacts and quarantine in the menu of the roles that read them. */
@Component
class QuarantineMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		return QuarantineAccess.has(user, QuarantineAccess.READERS)
				? List.of(new MenuEntry("nav.quarantine", "/quarantine")) : List.of();
	}
}
