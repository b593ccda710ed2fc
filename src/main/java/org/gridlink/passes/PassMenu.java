package org.gridlink.passes;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** The staff's pass list for issuers and the checkpoint page for the roles that verify passes. */
@Component
class PassMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		boolean verifies = user.roles().stream().anyMatch(PassAccess.VERIFIERS::contains);
		boolean issues = user.roles().stream().anyMatch(PassAccess.ISSUERS::contains);
		List<MenuEntry> entries = new java.util.ArrayList<>();
		if (issues) {
			entries.add(new MenuEntry("nav.passes", "/passes"));
		}
		if (verifies) {
			entries.add(new MenuEntry("nav.checkpoint", "/checkpoint"));
		}
		return entries;
	}
}
