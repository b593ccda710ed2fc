package org.gridlink.enterprise.support;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.enterprise.EnterpriseDirectory;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** The relief totals and the legal check-ups for everyone who sees enterprises. */
@Component
class SupportMenu implements MenuEntries {

	private final EnterpriseDirectory enterprises;

	SupportMenu(EnterpriseDirectory enterprises) {
		this.enterprises = enterprises;
	}

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (SupportAccess.canRead(user) && enterprises.seesAny(user)) {
			entries.add(new MenuEntry("nav.relief", "/relief"));
			entries.add(new MenuEntry("nav.legalCheckups", "/legal-checkups"));
		}
		return entries;
	}
}
