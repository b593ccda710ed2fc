package org.gridlink.residents;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** Menu entries of the registry for the roles that work with it. */
@Component
class ResidentMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (ResidentAccess.canRead(user)) {
			entries.add(new MenuEntry("nav.residents", "/residents"));
		}
		if (ResidentAccess.canEdit(user)) {
			entries.add(new MenuEntry("nav.residents.imports", "/residents/imports"));
		}
		return entries;
	}
}
