package org.gridlink.notices;

import java.util.Locale;
import java.util.Map;

import org.gridlink.cases.CaseEvents;
import org.gridlink.cases.CaseManagement;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.PublicUrls;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What 12345 hotlines and FixMyStreet do: a person who reported a problem hears back. A resident who left a phone
 * gets an SMS with the case number when the case is filed, and when it is closed an SMS with a link to rate the
 * handling without logging in (a one-time link from the cases module); staff who reported get the same in their
 * inbox. Idempotent per case and event (the keys name both), so a listener that runs twice sends nothing twice. A
 * case closed a second time (after a "not satisfied" review) sends no second closing message: the key is per case.
 */
@Component
class ReporterUpdates {

	private static final Locale DISTRICT = Locale.SIMPLIFIED_CHINESE;

	private final CaseManagement cases;
	private final Notifications notifications;
	private final Accounts accounts;
	private final PublicUrls urls;
	private final MessageSource messages;
	private final String filedTemplate;
	private final String closedTemplate;

	ReporterUpdates(CaseManagement cases, Notifications notifications, Accounts accounts, PublicUrls urls,
			MessageSource messages, @Value("${gridlink.notices.sms.case-filed-template}") String filedTemplate,
			@Value("${gridlink.notices.sms.case-closed-template}") String closedTemplate) {
		this.cases = cases;
		this.notifications = notifications;
		this.accounts = accounts;
		this.urls = urls;
		this.messages = messages;
		this.filedTemplate = filedTemplate;
		this.closedTemplate = closedTemplate;
	}

	@ApplicationModuleListener(id = "notices-reporter-filed")
	void on(CaseEvents.CaseReported event) {
		cases.reporterContact(event.caseId()).ifPresent(contact -> {
			String key = "case-filed:" + event.caseId();
			if (contact.phone() != null) {
				notifications.toPhone(contact.phone(), filedTemplate, Map.of("number", contact.caseNumber()), false,
						key + ":sms");
			}
			if (contact.staffUsername() != null) {
				accounts.find(contact.staffUsername()).ifPresent(account -> notifications.toUser(account.id(),
						text("notices.reporter.filed.title", contact.caseNumber()),
						text("notices.reporter.filed.body", contact.caseNumber()), "/cases/" + event.caseId(),
						key + ":inbox"));
			}
		});
	}

	@ApplicationModuleListener(id = "notices-reporter-closed")
	void on(CaseEvents.CaseClosed event) {
		cases.reporterContact(event.caseId()).ifPresent(contact -> {
			String key = "case-closed:" + event.caseId();
			if (contact.phone() == null && contact.staffUsername() == null) {
				return;
			}
			String link = cases.newRatingLink(event.caseId());
			if (contact.phone() != null) {
				notifications.toPhone(contact.phone(), closedTemplate,
						Map.of("number", contact.caseNumber(), "link", urls.absolute(link)), false, key + ":sms");
			}
			if (contact.staffUsername() != null) {
				accounts.find(contact.staffUsername()).ifPresent(account -> notifications.toUser(account.id(),
						text("notices.reporter.closed.title", contact.caseNumber()),
						text("notices.reporter.closed.body", contact.caseNumber()), link, key + ":inbox"));
			}
		});
	}

	private String text(String key, String number) {
		return messages.getMessage(key, new Object[] { number }, DISTRICT);
	}
}
