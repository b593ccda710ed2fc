package org.gridlink.quarantine;

import java.time.OffsetDateTime;
import java.time.Period;

import org.gridlink.platform.RetentionRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of home-quarantine check-in links (issue 12): a link works only while its order is active; once the
 * order is released the link is expired, and {@code gridlink.retention.check-in-links} (default {@code P7D}) later
 * its row (the token's hash, who issued it and when) is deleted. The order, its check-ins and alerts stay.
 */
@Component
class CheckInLinkRetention implements RetentionRule {

	static final String DUE = "l.order_id IN (SELECT o.id FROM quarantine_order o WHERE o.status = 'RELEASED' "
			+ "AND o.released_at < ?)";

	private final JdbcClient jdbc;
	private final Period period;

	CheckInLinkRetention(JdbcClient jdbc, @Value("${gridlink.retention.check-in-links:P7D}") Period period) {
		this.jdbc = jdbc;
		this.period = period;
	}

	@Override
	public String key() {
		return "quarantine.check-in-links";
	}

	@Override
	public String nameKey() {
		return "retention.rule.quarantine.check-in-links";
	}

	@Override
	public String periodProperty() {
		return "gridlink.retention.check-in-links";
	}

	@Override
	public Period period() {
		return period;
	}

	@Override
	public int countDue(OffsetDateTime cutoff) {
		return jdbc.sql("SELECT COUNT(*) FROM quarantine_checkin_link l WHERE " + DUE).param(cutoff)
				.query(Integer.class).single();
	}

	@Override
	public int purge(OffsetDateTime cutoff) {
		return jdbc.sql("DELETE FROM quarantine_checkin_link l WHERE " + DUE).param(cutoff).update();
	}
}
