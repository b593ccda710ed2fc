package org.gridlink.notices;

import java.util.Locale;
import java.util.Map;

import org.gridlink.cases.CaseEvents;
import org.gridlink.cases.CaseManagement;
import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.UnitDutyPhones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a unit's staff in their inbox when a case is dispatched to the unit and when its time limit is close (80 %).
 * Idempotent: each message's key names the case, the event, the unit and the user, so a listener run twice adds
 * nothing. The text is in the district's language (Chinese). When the unit has a duty phone (值班电话, set on its admin
 * page), an SMS goes there too, with the case number ({@code gridlink.notices.sms.case-dispatched-template} and
 * {@code case-deadline-template}); urgent, as a duty phone is staffed around the clock, so quiet hours do not hold it.
 */
@Component
class CaseNotices {

	private static final Locale DISTRICT = Locale.SIMPLIFIED_CHINESE;

	private final Accounts accounts;
	private final Notifications notifications;
	private final MessageSource messages;
	private final UnitDutyPhones dutyPhones;
	private final CaseManagement cases;
	private final Map<String, String> templates;

	CaseNotices(Accounts accounts, Notifications notifications, MessageSource messages, UnitDutyPhones dutyPhones,
			CaseManagement cases,
			@Value("${gridlink.notices.sms.case-dispatched-template:SMS_CASE_DISPATCHED_DEMO}") String dispatched,
			@Value("${gridlink.notices.sms.case-deadline-template:SMS_CASE_DEADLINE_DEMO}") String deadline) {
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
		this.dutyPhones = dutyPhones;
		this.cases = cases;
		this.templates = Map.of("dispatched", dispatched, "deadline", deadline);
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
		dutyPhones.dutyPhone(unitId).ifPresent(phone -> {
			String number = cases.reporterContact(caseId).map(CaseManagement.ReporterContact::caseNumber)
					.orElse(String.valueOf(caseId));
			notifications.toPhone(phone, templates.get(what), Map.of("number", number), true,
					"case-" + what + ":" + caseId + ":" + unitId + ":duty");
		});
	}
}
