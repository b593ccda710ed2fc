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
 * case closed again after the center's review of a "not satisfied" rating sends one more closing message per review
 * (the key names the review's number, {@link CaseEvents.CaseClosed#reviews}): the new answer (the latest note that
 * answers the reporter, cut to {@link #MAX_ANSWER} characters as SMS template variables are short) and a new one-time
 * rating link. A link is made only when the message is new, so each closing has exactly one.
 */
@Component
class ReporterUpdates {

	private static final Locale DISTRICT = Locale.SIMPLIFIED_CHINESE;

	/** The longest answer put into an SMS template variable (providers limit a variable to a few dozen characters). */
	static final int MAX_ANSWER = 35;

	private final CaseManagement cases;
	private final Notifications notifications;
	private final Accounts accounts;
	private final PublicUrls urls;
	private final MessageSource messages;
	private final String filedTemplate;
	private final String closedTemplate;
	private final String reviewedTemplate;

	ReporterUpdates(CaseManagement cases, Notifications notifications, Accounts accounts, PublicUrls urls,
			MessageSource messages, @Value("${gridlink.notices.sms.case-filed-template}") String filedTemplate,
			@Value("${gridlink.notices.sms.case-closed-template}") String closedTemplate,
			@Value("${gridlink.notices.sms.case-reviewed-template:SMS_CASE_REVIEWED_DEMO}") String reviewedTemplate) {
		this.reviewedTemplate = reviewedTemplate;
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
			boolean reviewed = event.reviews() > 0;
			String key = "case-closed:" + event.caseId() + (reviewed ? ":review" + event.reviews() : "");
			boolean sms = contact.phone() != null && !notifications.used(key + ":sms");
			boolean inbox = contact.staffUsername() != null && !notifications.used(key + ":inbox");
			if (!sms && !inbox) {
				return;
			}
			String link = cases.newRatingLink(event.caseId());
			String answer = reviewed ? cut(cases.latestAnswer(event.caseId()).orElse("")) : "";
			if (sms) {
				notifications.toPhone(contact.phone(), reviewed ? reviewedTemplate : closedTemplate,
						reviewed ? Map.of("number", contact.caseNumber(), "answer", answer, "link", urls.absolute(link))
								: Map.of("number", contact.caseNumber(), "link", urls.absolute(link)),
						false, key + ":sms");
			}
			if (inbox) {
				String what = reviewed ? "reviewed" : "closed";
				accounts.find(contact.staffUsername()).ifPresent(account -> notifications.toUser(account.id(),
						text("notices.reporter." + what + ".title", contact.caseNumber()),
						messages.getMessage("notices.reporter." + what + ".body",
								new Object[] { contact.caseNumber(), answer }, DISTRICT),
						link, key + ":inbox"));
			}
		});
	}

	private static String cut(String answer) {
		String oneLine = answer.replaceAll("\\s+", " ").strip();
		return oneLine.length() <= MAX_ANSWER ? oneLine : oneLine.substring(0, MAX_ANSWER - 1) + "…";
	}

	private String text(String key, String number) {
		return messages.getMessage(key, new Object[] { number }, DISTRICT);
	}
}
