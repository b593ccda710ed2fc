package org.gridlink.quarantine;

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
 * Retention of released quarantine persons (issue 12): {@code gridlink.retention.released-persons} (default
 * {@code P180D}) after a person's last order was released — and while no order of theirs is active — their details
 * are removed: the name is reduced to its masked form, the sealed ID number and phone, the ID's lookup hash (so a
 * new exposure starts a new person), the address and the link to the resident record are dropped, and the health
 * data of their check-ins (temperature, symptoms, note) is erased. Kept for statistics: grid, ID kind, masked ID,
 * orders with their type, dates, site and release kind, check-in days and whether each was counted or abnormal.
 */
@Component
public class ReleasedPersonRetention implements RetentionRule {

	static final String DUE = """
			p.personal_purged_at IS NULL
			AND NOT EXISTS (SELECT 1 FROM quarantine_order a WHERE a.person_id = p.id AND a.status <> 'RELEASED')
			AND (SELECT MAX(r.released_at) FROM quarantine_order r WHERE r.person_id = p.id) < ?""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Period period;

	ReleasedPersonRetention(JdbcClient jdbc, Clock clock,
			@Value("${gridlink.retention.released-persons:P180D}") Period period) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.period = period;
	}

	@Override
	public String key() {
		return "quarantine.released-persons";
	}

	@Override
	public String nameKey() {
		return "retention.rule.quarantine.released-persons";
	}

	@Override
	public String periodProperty() {
		return "gridlink.retention.released-persons";
	}

	@Override
	public Period period() {
		return period;
	}

	@Override
	public int countDue(OffsetDateTime cutoff) {
		return jdbc.sql("SELECT COUNT(*) FROM quarantine_person p WHERE " + DUE).param(cutoff).query(Integer.class)
				.single();
	}

	@Override
	@Transactional
	public int purge(OffsetDateTime cutoff) {
		List<Long> ids = jdbc.sql("SELECT p.id FROM quarantine_person p WHERE " + DUE + " ORDER BY p.id").param(cutoff)
				.query(Long.class).list();
		OffsetDateTime now = OffsetDateTime.now(clock);
		int days = (int) ChronoUnit.DAYS.between(cutoff, now);
		for (long id : ids) {
			jdbc.sql("UPDATE quarantine_checkin SET health_enc = '' WHERE order_id IN "
					+ "(SELECT o.id FROM quarantine_order o WHERE o.person_id = ?)").param(id).update();
			jdbc.sql("""
					UPDATE quarantine_person SET name = name_masked, id_enc = '', id_hash = ?, phone_enc = NULL,
					  phone_masked = NULL, address = '', resident_id = NULL, personal_purged_at = ?,
					  personal_kept_days = ?, version = version + 1
					WHERE id = ?""").params("purged:" + id, now, days, id).update();
		}
		return ids.size();
	}

	/** After how many days the person's details were removed; empty when they are still there. */
	public Optional<Integer> removedAfterDays(long personId) {
		return jdbc.sql("SELECT personal_kept_days FROM quarantine_person WHERE id = ? AND personal_purged_at IS NOT NULL")
				.param(personId).query(Integer.class).optional();
	}
}
