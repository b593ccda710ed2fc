package org.gridlink.quarantine;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseSource;
import org.gridlink.cases.NewCase;
import org.gridlink.quarantine.QuarantineAlerts.Kind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Opens the case of each raised alert for the health unit through {@link CaseManagement#reportAs} (source ALERT,
 * category by kind), with an idempotency key made of the alert's order, day and kind, and links it to the alert. The
 * case names the order, never the person, and carries no health values.
 * <p>
 * A run that fails (or dies) leaves the event's publication incomplete; {@code platform.EventPublicationRetry}
 * resubmits it, and a repeated run finds the case by its key instead of opening a second one. The listener runs
 * without a transaction of its own: the case is opened in {@link CaseManagement}'s transaction, whose recovery from a
 * repeated key needs to own it.
 */
@Component
class AlertCases {

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

	private final JdbcClient jdbc;
	private final CaseManagement cases;
	private final MonitoringRules rules;
	private final MessageSource messages;
	private final String missedCategory;
	private final String healthCategory;

	AlertCases(JdbcClient jdbc, CaseManagement cases, MonitoringRules rules, MessageSource messages,
			@Value("${gridlink.quarantine.checkin.case-category.missed:S0302}") String missedCategory,
			@Value("${gridlink.quarantine.checkin.case-category.health:S0301}") String healthCategory) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.rules = rules;
		this.messages = messages;
		this.missedCategory = missedCategory;
		this.healthCategory = healthCategory;
	}

	/** What opening an alert's case needs. */
	private record Raised(long orderId, String gridCode, LocalDate day, Kind kind, String reason, boolean linked) {
	}

	@ApplicationModuleListener(id = "quarantine.alert-case", propagation = Propagation.NOT_SUPPORTED)
	void on(QuarantineAlertRaised raised) {
		Raised alert = jdbc.sql("""
				SELECT order_id, grid_code, alert_date, kind, reason, case_id IS NOT NULL
				FROM quarantine_alert WHERE id = ?""").param(raised.alertId())
				.query((rs, i) -> new Raised(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
						Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6)))
				.single();
		if (alert.linked()) {
			return;
		}
		long caseId = cases.reportAs(QuarantineAlerts.REPORTER,
				new NewCase(alert.kind() == Kind.MISSED ? missedCategory : healthCategory, description(alert),
						alert.gridCode(), null, null, null, CaseSource.ALERT, null),
				idempotencyKey(alert.orderId(), alert.day(), alert.kind()));
		jdbc.sql("UPDATE quarantine_alert SET case_id = ? WHERE id = ? AND case_id IS NULL")
				.params(caseId, raised.alertId()).update();
	}

	static String idempotencyKey(long orderId, LocalDate day, Kind kind) {
		return "quarantine-alert:" + orderId + ":" + day + ":" + kind;
	}

	/** The case's description, in the district's language (zh-CN): the order, the day, what happened. */
	private String description(Raised alert) {
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		String what = alert.kind() == Kind.MISSED
				? messages.getMessage("checkins.case.missed", new Object[] { rules.deadline().format(HOUR) }, zh)
				: messages.getMessage("checkins.reason." + alert.reason(), null, zh);
		return messages.getMessage("checkins.case.description", new Object[] { String.valueOf(alert.orderId()),
				alert.day().toString(), what, "/quarantine/orders/" + alert.orderId() + "/monitoring" }, zh);
	}
}
