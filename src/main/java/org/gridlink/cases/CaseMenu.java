package org.gridlink.cases;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.gridlink.platform.Role;
import org.springframework.stereotype.Component;

/**
 * "联动处置 / Cases" in the menu of the roles that see cases; the case settings (categories, routing rules, working
 * calendar) for the system admin, who sees no cases.
 */
@Component
class CaseMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (CaseAccess.canRead(user)) {
			entries.add(new MenuEntry("nav.cases", "/cases"));
		}
		if (user.has(Role.ADMIN)) {
			entries.add(new MenuEntry("nav.cases.settings", "/cases/admin/categories"));
		}
		return entries;
	}
}
