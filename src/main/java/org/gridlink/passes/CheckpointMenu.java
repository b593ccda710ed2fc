package org.gridlink.passes;

import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** Checkpoints (shifts, daily counts, gate logs) in the menu of the roles that see them. */
@Component
class CheckpointMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		boolean reads = user.roles().stream().anyMatch(CheckpointAccess.READERS::contains);
		return reads ? List.of(new MenuEntry("nav.checkpoints", "/checkpoints")) : List.of();
	}
}
