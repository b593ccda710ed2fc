package org.gridlink.dailyreport;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** Daily reports for the center, leaders, streets and communities; the review list for streets and the center. */
@Component
class DailyReportMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (ReportAccess.mayRead(user)) {
			entries.add(new MenuEntry("nav.dailyreport", "/reports"));
		}
		if (ReportAccess.reviews(user)) {
			entries.add(new MenuEntry("nav.dailyreport.review", "/reports/review"));
		}
		return entries;
	}
}
