package org.gridlink.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.gridlink.platform.JobClaims;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the time limits: at 80 % a case is marked as warned (a {@link CaseEvents.CaseDeadlineNear} event), at 100 % as overdue and escalated to the lead unit's
 * leader and the center (a history entry and a {@link CaseEvents.CaseOverdue} event). Each mark is a conditional
 * update, so several instances may sweep at once without escalating a case twice. On several instances the scheduled
 * run of each interval (a minute by default) is also claimed once ({@link JobClaims}, job {@value #JOB}): one
 * instance sweeps, the others skip that slot.
 */
@Component
class SlaWatcher {

	static final String JOB = "cases.sla-watch";
	private static final Logger LOG = LoggerFactory.getLogger(SlaWatcher.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final CaseSteps steps;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final JobClaims claims;
	private final Duration every;

	SlaWatcher(JdbcClient jdbc, TransactionTemplate transactions, CaseSteps steps, ApplicationEventPublisher events,
			Clock clock, JobClaims claims, @Value("${gridlink.cases.sla-check-interval:60000}") long everyMillis) {
		this.claims = claims;
		this.every = Duration.ofMillis(everyMillis);
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.steps = steps;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${gridlink.cases.sla-check-delay:30000}",
			fixedDelayString = "${gridlink.cases.sla-check-interval:60000}")
	void check() {
		run(OffsetDateTime.now(clock));
	}

	/**
	 * The scheduled run for the interval that holds {@code now}: swept by the instance that claims it; null on the
	 * others (the slot was claimed already). Otherwise {warned, overdue} as {@link #sweep}.
	 */
	int @Nullable [] run(OffsetDateTime now) {
		if (!claims.claim(JOB, every, now.toInstant())) {
			return null;
		}
		int[] marked = sweep(now);
		if (marked[0] + marked[1] > 0) {
			LOG.info("Time limits: {} cases warned, {} overdue and escalated", marked[0], marked[1]);
		}
		return marked;
	}

	/** Marks the cases whose warning or deadline has passed at {@code now}; returns {warned, overdue}. */
	int[] sweep(OffsetDateTime now) {
		int warned = 0;
		for (Long id : due("warned", "warn_at", now)) {
			// the event is published inside the step's transaction: an @ApplicationModuleListener hears only those
			Integer n = transactions.execute(tx -> mark(id, "warned", "warn", "80 %", now,
					unit -> new CaseEvents.CaseDeadlineNear(id, unit)));
			if (n != null && n == 1) {
				warned++;
			}
		}
		int overdue = 0;
		for (Long id : due("overdue", "deadline_at", now)) {
			Integer n = transactions.execute(tx -> mark(id, "overdue", "escalate",
					"overdue: escalated to the unit's leader and the center", now,
					unit -> new CaseEvents.CaseOverdue(id, unit)));
			if (n != null && n == 1) {
				overdue++;
			}
		}
		return new int[] { warned, overdue };
	}

	private List<Long> due(String flag, String column, OffsetDateTime now) {
		return jdbc.sql("SELECT id FROM case_file WHERE status IN ('DISPATCHED', 'ACCEPTED') AND paused_since IS NULL"
				+ " AND " + flag + " = FALSE AND " + column + " <= ? ORDER BY id").param(now).query(Long.class).list();
	}

	private int mark(long id, String flag, String action, String note, OffsetDateTime now,
			java.util.function.LongFunction<Object> event) {
		int n = jdbc.sql("UPDATE case_file SET " + flag + " = TRUE" + ("overdue".equals(flag) ? ", warned = TRUE" : "")
				+ " WHERE id = ? AND " + flag + " = FALSE AND paused_since IS NULL").param(id).update();
		if (n == 1) {
			CaseFile f = steps.load(id);
			steps.history(id, f.districtCode(), action, f.status(), f.status(), "system", f.leadUnitId(), note, now);
			if (f.leadUnitId() != null) {
				events.publishEvent(event.apply(f.leadUnitId()));
			}
		}
		return n;
	}
}
