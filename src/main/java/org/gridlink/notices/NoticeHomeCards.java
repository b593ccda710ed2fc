package org.gridlink.notices;

import java.util.ArrayList;
import java.util.List;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.HomeCard;
import org.gridlink.platform.HomeCards;
import org.springframework.stereotype.Component;

/** Home tasks: unread inbox items, and notices waiting for this approver. */
@Component
class NoticeHomeCards implements HomeCards {

	private final Inbox inbox;
	private final Notices notices;

	NoticeHomeCards(Inbox inbox, Notices notices) {
		this.inbox = inbox;
		this.notices = notices;
	}

	@Override
	public List<HomeCard> cardsFor(CurrentUser user) {
		List<HomeCard> cards = new ArrayList<>();
		if (NoticeAccess.may(user, NoticeAccess.Action.INBOX)) {
			long unread = inbox.unreadCount(user);
			if (unread > 0) {
				cards.add(HomeCard.task("home.inbox.unread", unread, "/inbox"));
			}
		}
		if (notices.canApprove(user)) {
			int waiting = notices.approvalQueue(user).size();
			if (waiting > 0) {
				cards.add(HomeCard.task("home.notices.approve", waiting, "/notices/approvals"));
			}
		}
		return cards;
	}
}
