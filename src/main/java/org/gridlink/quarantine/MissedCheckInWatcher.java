package org.gridlink.quarantine;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.gridlink.platform.JobClaims;
import org.gridlink.quarantine.MonitoredOrders.MonitoredOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * From the configured hour on, raises a MISSED alert for each active home quarantine order without a counted
 * check-in that day (a self-report or a visit that saw the person, at any time of the day up to the sweep). Orders
 * made after the day's hour are first due the next day. Safe on several instances at once: the alert's unique key
 * (order, day, kind) lets exactly one insert win; besides, the scheduled run of each interval (5 minutes by default)
 * is claimed once ({@link JobClaims}, job {@value #JOB}), so one instance sweeps and the others skip the slot. The
 * alerts' cases are opened by {@link AlertCases}.
 */
@Component
class MissedCheckInWatcher {

	static final String JOB = "quarantine.missed-checkins";
	private static final Logger LOG = LoggerFactory.getLogger(MissedCheckInWatcher.class);

	private final JdbcClient jdbc;
	private final MonitoringRules rules;
	private final QuarantineAlerts alerts;
	private final Clock clock;
	private final ZoneId zone;
	private final JobClaims claims;
	private final Duration every;

	MissedCheckInWatcher(JdbcClient jdbc, MonitoringRules rules, QuarantineAlerts alerts, Clock clock, JobClaims claims,
			@Value("${gridlink.quarantine.checkin.watch-interval:300000}") long everyMillis) {
		this.claims = claims;
		this.every = Duration.ofMillis(everyMillis);
		this.jdbc = jdbc;
		this.rules = rules;
		this.alerts = alerts;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	@Scheduled(initialDelayString = "${gridlink.quarantine.checkin.watch-delay:60000}",
			fixedDelayString = "${gridlink.quarantine.checkin.watch-interval:300000}")
	void watch() {
		run(OffsetDateTime.now(clock));
	}

	/**
	 * The scheduled run for the interval that holds {@code now}: swept by the instance that claims it, which answers
	 * how many alerts it raised; -1 on the others (the slot was claimed already).
	 */
	int run(OffsetDateTime now) {
		if (!claims.claim(JOB, every, now.toInstant())) {
			return -1;
		}
		int raised = sweep(now);
		if (raised > 0) {
			LOG.info("Home quarantine: {} missed check-ins raised to the duty desk", raised);
		}
		return raised;
	}

	/** Raises the missed check-ins due at {@code now}; returns how many alerts this call raised. */
	int sweep(OffsetDateTime now) {
		LocalDate day = now.atZoneSameInstant(zone).toLocalDate();
		OffsetDateTime due = day.atTime(rules.deadline()).atZone(zone).toOffsetDateTime();
		if (now.isBefore(due)) {
			return 0;
		}
		int raised = 0;
		for (MonitoredOrder order : jdbc.sql("SELECT " + MonitoredOrders.COLUMNS + """
				 FROM quarantine_order o JOIN quarantine_person p ON p.id = o.person_id
				WHERE o.type = 'HOME' AND o.status = 'ACTIVE' AND o.start_date <= ? AND o.planned_end >= ?
				AND o.created_at < ?
				AND NOT EXISTS (SELECT 1 FROM quarantine_checkin c WHERE c.order_id = o.id AND c.checkin_date = ?
				  AND c.counted = TRUE AND c.recorded_at <= ?)
				AND NOT EXISTS (SELECT 1 FROM quarantine_alert a WHERE a.order_id = o.id AND a.alert_date = ?
				  AND a.kind = 'MISSED')
				ORDER BY o.id""").params(day, day, due, day, now, day).query(MonitoredOrders::map).list()) {
			if (alerts.raise(order, day, QuarantineAlerts.Kind.MISSED, "MISSED", null, now).isPresent()) {
				raised++;
			}
		}
		return raised;
	}
}
