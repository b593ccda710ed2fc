package org.gridlink.notices;

import java.util.Locale;

import org.gridlink.cases.CaseEvents;
import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a unit's staff in their inbox when a case is dispatched to the unit and when its time limit is close (80 %).
 * Idempotent: each message's key names the case, the event, the unit and the user, so a listener run twice adds
 * nothing. The text is in the district's language (Chinese). Units carry no duty phone in GridLink yet, so no SMS.
 */
@Component
class CaseNotices {

	private static final Locale DISTRICT = Locale.SIMPLIFIED_CHINESE;

	private final Accounts accounts;
	private final Notifications notifications;
	private final MessageSource messages;

	CaseNotices(Accounts accounts, Notifications notifications, MessageSource messages) {
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
	}

	@ApplicationModuleListener(id = "notices-case-dispatched")
	void on(CaseEvents.CaseDispatched event) {
		tell(event.caseId(), event.unitId(), "dispatched");
	}

	@ApplicationModuleListener(id = "notices-case-deadline-near")
	void on(CaseEvents.CaseDeadlineNear event) {
		tell(event.caseId(), event.unitId(), "deadline");
	}

	void tell(long caseId, long unitId, String what) {
		String title = messages.getMessage("notices.case." + what + ".title", new Object[] { caseId }, DISTRICT);
		String body = messages.getMessage("notices.case." + what + ".body", new Object[] { caseId }, DISTRICT);
		for (AccountView member : accounts.membersOf(unitId)) {
			notifications.toUser(member.id(), title, body, "/cases/" + caseId,
					"case-" + what + ":" + caseId + ":" + unitId + ":" + member.id());
		}
	}
}
