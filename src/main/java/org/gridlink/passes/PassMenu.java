package org.gridlink.passes;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** The checkpoint page in the menu of the roles that verify passes. */
@Component
class PassMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		boolean verifies = user.roles().stream().anyMatch(PassAccess.VERIFIERS::contains);
		return verifies ? List.of(new MenuEntry("nav.checkpoint", "/checkpoint")) : List.of();
	}
}
