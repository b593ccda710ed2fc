package org.gridlink.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.gridlink.platform.RetentionRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of closed cases (issue 12): {@code gridlink.retention.closed-cases} (default {@code P180D}) after a case
 * ended (closed, evaluated, rejected, voided or merged) its personal parts are removed: the reporter's sealed contact,
 * the description (free text that may name people), the photos (faces, plates), the public status link and the
 * notes of its history. Kept for statistics: number, category, place (grid, address of the problem, point), times,
 * status, units, counters and the reporting channel. The case page then says the details were removed after N days.
 */
@Component
public class CaseRetention implements RetentionRule {

	static final String ENDED = "('CLOSED', 'EVALUATED', 'REJECTED', 'VOIDED', 'MERGED')";
	/** When the case ended: its close, else its last step. */
	static final String ENDED_AT = "COALESCE(c.closed_at, (SELECT MAX(e.occurred_at) FROM case_event e "
			+ "WHERE e.case_id = c.id), c.reported_at)";
	static final String DUE = "c.status IN " + ENDED + " AND c.personal_purged_at IS NULL AND " + ENDED_AT + " < ?";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Period period;

	CaseRetention(JdbcClient jdbc, Clock clock, @Value("${gridlink.retention.closed-cases:P180D}") Period period) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.period = period;
	}

	@Override
	public String key() {
		return "cases.closed-cases";
	}

	@Override
	public String nameKey() {
		return "retention.rule.cases.closed-cases";
	}

	@Override
	public String periodProperty() {
		return "gridlink.retention.closed-cases";
	}

	@Override
	public Period period() {
		return period;
	}

	@Override
	public int countDue(OffsetDateTime cutoff) {
		return jdbc.sql("SELECT COUNT(*) FROM case_file c WHERE " + DUE).param(cutoff).query(Integer.class).single();
	}

	@Override
	@Transactional
	public int purge(OffsetDateTime cutoff) {
		List<Long> ids = jdbc.sql("SELECT c.id FROM case_file c WHERE " + DUE + " ORDER BY c.id").param(cutoff)
				.query(Long.class).list();
		OffsetDateTime now = OffsetDateTime.now(clock);
		int days = (int) ChronoUnit.DAYS.between(cutoff, now);
		for (int from = 0; from < ids.size(); from += 500) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			String in = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
			jdbc.sql("DELETE FROM case_photo WHERE case_id IN (" + in + ")").params(chunk).update();
			jdbc.sql("DELETE FROM case_public_link WHERE case_id IN (" + in + ")").params(chunk).update();
			jdbc.sql("UPDATE case_event SET note = '' WHERE case_id IN (" + in + ")").params(chunk).update();
			List<Object> params = new java.util.ArrayList<>(List.of(now, days));
			params.addAll(chunk);
			jdbc.sql("UPDATE case_file SET reporter_contact = '', description = '', personal_purged_at = ?, "
					+ "personal_kept_days = ? WHERE id IN (" + in + ")").params(params).update();
		}
		return ids.size();
	}

	/** After how many days the case's personal parts were removed; empty when they are still there. */
	public Optional<Integer> removedAfterDays(long caseId) {
		return jdbc.sql("SELECT personal_kept_days FROM case_file WHERE id = ? AND personal_purged_at IS NOT NULL")
				.param(caseId).query(Integer.class).optional();
	}
}
