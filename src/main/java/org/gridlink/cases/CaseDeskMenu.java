package org.gridlink.cases;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** The KPI page for the center, leaders and department handlers; the duty desk for the center and leaders. */
@Component
class CaseDeskMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (DutyRoster.canRead(user)) {
			entries.add(new MenuEntry("nav.cases.duty", "/cases/duty"));
		}
		if (CaseKpis.canRead(user)) {
			entries.add(new MenuEntry("nav.cases.kpis", "/cases/kpis"));
		}
		return entries;
	}
}
