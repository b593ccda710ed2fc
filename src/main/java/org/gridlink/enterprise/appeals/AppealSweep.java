package org.gridlink.enterprise.appeals;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.gridlink.cases.CaseManagement;
import org.gridlink.cases.CaseMilestones;
import org.gridlink.platform.JobClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute (claimed once per slot across instances, {@link JobClaims}): brings the open appeals up to date with
 * their cases (the unit's acceptance and feedback raise no event) and urges each step past its deadline once — the
 * mark is a conditional update ({@code respond_urged}, {@code plan_urged}, {@code close_urged}), so a second run sends
 * nothing.
 */
@Component
class AppealSweep {

	private static final Logger LOG = LoggerFactory.getLogger(AppealSweep.class);
	static final String JOB = "enterprise-appeals-sweep";

	private final Appeals appeals;
	private final AppealNotes notes;
	private final CaseManagement cases;
	private final JdbcClient jdbc;
	private final JobClaims claims;
	private final Clock clock;
	private final Duration every;

	AppealSweep(Appeals appeals, AppealNotes notes, CaseManagement cases, JdbcClient jdbc, JobClaims claims,
			Clock clock, @Value("${gridlink.enterprise.appeals.sweep-every:PT1M}") Duration every) {
		this.appeals = appeals;
		this.notes = notes;
		this.cases = cases;
		this.jdbc = jdbc;
		this.claims = claims;
		this.clock = clock;
		this.every = every;
	}

	@Scheduled(initialDelayString = "${gridlink.enterprise.appeals.sweep-delay:60000}",
			fixedDelayString = "${gridlink.enterprise.appeals.sweep-every-ms:60000}")
	void run() {
		try {
			if (claims.claim(JOB, every)) {
				sweep();
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("Enterprise appeal sweep failed: {}", ex.toString());
		}
	}

	/** Refreshes the open appeals and urges the overdue steps; answers how many steps were urged. */
	int sweep() {
		appeals.refresh(appeals.openCases());
		OffsetDateTime now = OffsetDateTime.now(clock);
		record Due(long id, long caseId, AppealStep step) {
		}
		List<Due> due = jdbc.sql("""
				SELECT id, case_id, CASE WHEN responded_at IS NULL AND respond_due_at < ? AND respond_urged = FALSE
				THEN 'RESPOND' WHEN planned_at IS NULL AND plan_due_at < ? AND plan_urged = FALSE THEN 'PLAN'
				ELSE 'CLOSE' END FROM enterprise_appeal WHERE closed_at IS NULL AND ended = FALSE AND (
				(responded_at IS NULL AND respond_due_at < ? AND respond_urged = FALSE)
				OR (planned_at IS NULL AND plan_due_at < ? AND plan_urged = FALSE)
				OR (close_due_at < ? AND close_urged = FALSE)) ORDER BY id""")
				.params(now, now, now, now, now)
				.query((rs, i) -> new Due(rs.getLong(1), rs.getLong(2), AppealStep.valueOf(rs.getString(3)))).list();
		if (due.isEmpty()) {
			return 0;
		}
		Map<Long, CaseMilestones> milestones = cases.milestones(due.stream().map(Due::caseId).toList());
		int urged = 0;
		for (Due d : due) {
			String column = d.step().name().toLowerCase(java.util.Locale.ROOT) + "_urged";
			if (jdbc.sql("UPDATE enterprise_appeal SET " + column + " = TRUE WHERE id = ? AND " + column + " = FALSE")
					.param(d.id()).update() == 1) {
				CaseMilestones m = milestones.get(d.caseId());
				notes.urged(d.id(), d.step(), m == null ? null : m.leadUnitId());
				urged++;
			}
		}
		return urged;
	}
}
