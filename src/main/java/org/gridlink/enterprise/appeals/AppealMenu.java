package org.gridlink.enterprise.appeals;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.enterprise.EnterpriseDirectory;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** Appeals and the green channel for whoever sees enterprises; reception days for the center and leaders. */
@Component
class AppealMenu implements MenuEntries {

	private final EnterpriseDirectory directory;

	AppealMenu(EnterpriseDirectory directory) {
		this.directory = directory;
	}

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (directory.seesAny(user)) {
			entries.add(new MenuEntry("nav.enterprise.appeals", "/enterprise-appeals"));
			entries.add(new MenuEntry("nav.enterprise.green-channel", "/enterprise-appeals/green-channel"));
		}
		if (ReceptionDays.mayManage(user)) {
			entries.add(new MenuEntry("nav.enterprise.reception-days", "/enterprises/reception-days"));
		}
		return entries;
	}
}
