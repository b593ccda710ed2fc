package org.gridlink.enterprise;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** The registry for everyone who sees enterprises (liaisons: theirs); the import for the staff who register. */
@Component
class EnterpriseMenu implements MenuEntries {

	private final EnterpriseDirectory directory;

	EnterpriseMenu(EnterpriseDirectory directory) {
		this.directory = directory;
	}

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (directory.seesAny(user)) {
			entries.add(new MenuEntry("nav.enterprises", "/enterprises"));
		}
		if (EnterpriseAccess.registersAny(user)) {
			entries.add(new MenuEntry("nav.enterprises.import", "/enterprises/import"));
		}
		return entries;
	}
}
