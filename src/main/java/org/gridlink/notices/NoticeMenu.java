package org.gridlink.notices;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.MenuEntries;
import org.springframework.stereotype.Component;

/** "通知 / Notices" for the roles that write or approve notices; "收件箱 / Inbox" for every staff role. */
@Component
class NoticeMenu implements MenuEntries {

	@Override
	public List<MenuEntry> entriesFor(CurrentUser user) {
		List<MenuEntry> entries = new ArrayList<>();
		if (NoticeAccess.may(user, NoticeAccess.Action.WRITE) || NoticeAccess.may(user, NoticeAccess.Action.APPROVE)) {
			entries.add(new MenuEntry("nav.notices", "/notices"));
		}
		if (NoticeAccess.may(user, NoticeAccess.Action.INBOX)) {
			entries.add(new MenuEntry("nav.inbox", "/inbox"));
		}
		return entries;
	}
}
