package org.gridlink.dailyreport;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gridlink.jurisdiction.JurisdictionNode;
import org.gridlink.jurisdiction.Jurisdictions;
import org.gridlink.notices.Notifications;
import org.gridlink.platform.AccountView;
import org.gridlink.platform.Accounts;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders before the deadline: within {@code gridlink.dailyreport.remind-before} (default 60 minutes) of an active
 * form's deadline, every place that has not handed today's report in gets one inbox item per staff member of its
 * level (a unit: its department staff) through the notices module, once per form, place and day ({@code report_reminder}, also the list the
 * roll-up shows). The text is in the district's language.
 */
@Component
class ReportReminders {

	private static final Logger LOG = LoggerFactory.getLogger(ReportReminders.class);
	private static final Locale DISTRICT = Locale.SIMPLIFIED_CHINESE;

	private final DailyReports reports;
	private final Jurisdictions jurisdictions;
	private final Accounts accounts;
	private final Notifications notifications;
	private final MessageSource messages;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final Duration before;

	ReportReminders(DailyReports reports, Jurisdictions jurisdictions, Accounts accounts, Notifications notifications,
			MessageSource messages, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			@Value("${gridlink.dailyreport.remind-before:PT60M}") Duration before) {
		this.reports = reports;
		this.jurisdictions = jurisdictions;
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.before = before;
	}

	@Scheduled(initialDelayString = "${gridlink.dailyreport.remind-delay:60000}",
			fixedDelayString = "${gridlink.dailyreport.remind-every:300000}")
	void run() {
		try {
			remind();
		}
		catch (RuntimeException ex) {
			LOG.warn("Daily report reminders failed: {}", ex.toString());
		}
	}

	/** Sends the reminders due now; returns how many places were reminded. */
	int remind() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		LocalDate today = LocalDate.now(clock);
		CurrentUser system = new CurrentUser(0, "system", "GridLink", Set.of(Role.CENTER),
				Scope.of(jurisdictions.districtCodes()), null);
		int reminded = 0;
		for (ReportForm form : reports.activeForms()) {
			OffsetDateTime deadline = reports.deadlineOf(form, today);
			if (now.isBefore(deadline.minus(before)) || !now.isBefore(deadline)) {
				continue;
			}
			Set<String> done = new HashSet<>(jdbc.sql("SELECT jurisdiction_code FROM report_submission WHERE form_id = ?"
					+ " AND report_date = ? AND state IN ('SUBMITTED', 'ACCEPTED') UNION SELECT jurisdiction_code FROM"
					+ " report_reminder WHERE form_id = ? AND report_date = ?").params(form.id(), today, form.id(), today)
					.query(String.class).list());
			Role role = form.level() == FillerLevel.STREET ? Role.STREET
					: form.level() == FillerLevel.UNIT ? Role.DEPT : Role.COMMUNITY;
			String title = messages.getMessage("dailyreport.remind.title", new Object[] { form.name() }, DISTRICT);
			String body = messages.getMessage("dailyreport.remind.body",
					new Object[] { form.name(), form.deadline().toString() }, DISTRICT);
			for (JurisdictionNode place : reports.places(system, form)) {
				if (done.contains(place.code())) {
					continue;
				}
				// a place's staff of its level; a unit's: its own department staff in the district
				List<AccountView> staff = form.level() == FillerLevel.UNIT
						? accounts.staffWithin(Set.of(role), reports.unit(place.code()).orElseThrow().id(),
								Scope.of(List.of(place.parentCode())))
						: accounts.staffWithin(Set.of(role), null, Scope.of(List.of(place.code())));
				transactions.executeWithoutResult(tx -> {
					for (AccountView a : staff) {
						notifications.toUser(a.id(), title, body, "/reports/" + form.id() + "/fill?place=" + place.code(),
								"report-remind:" + form.id() + ":" + today + ":" + place.code() + ":" + a.id());
					}
					jdbc.sql("INSERT INTO report_reminder (form_id, report_date, jurisdiction_code, recipients, sent_at)"
							+ " VALUES (?, ?, ?, ?, ?)").params(form.id(), today, place.code(), staff.size(), now)
							.update();
				});
				reminded++;
			}
		}
		return reminded;
	}

	/** The places reminded of a form's day (the roll-up's list). */
	List<String> reminded(long formId, LocalDate date) {
		return jdbc.sql("SELECT jurisdiction_code FROM report_reminder WHERE form_id = ? AND report_date = ?"
				+ " ORDER BY jurisdiction_code").params(formId, date).query(String.class).list();
	}
}
