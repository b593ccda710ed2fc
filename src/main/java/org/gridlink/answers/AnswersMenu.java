package org.gridlink.answers;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** The answer desk for the center's duty desk; the daily digest for the center and leaders. */
@Component
class AnswersMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (PublicAnswers.canWrite(user)) {
			entries.add(new MenuEntry("nav.answers.desk", "/answer-desk"));
		}
		if (DailyDigests.canRead(user)) {
			entries.add(new MenuEntry("nav.answers.digest", "/digest"));
		}
		return entries;
	}
}
