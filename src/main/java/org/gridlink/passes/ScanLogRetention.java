package org.gridlink.passes;

import java.time.OffsetDateTime;
import java.time.Period;

import org.gridlink.platform.RetentionRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of the checkpoint scan log (issue 12): {@code gridlink.retention.scan-log} (default {@code P30D}) after a
 * scan, what ties it to a person — the holder (masked name or plate) and the pass hash, which together trace one
 * person's movements — is removed. Kept for the counts: checkpoint, time and day, direction, result and reason, pass
 * type, how it was verified and by whom.
 */
@Component
class ScanLogRetention implements RetentionRule {

	static final String DUE = "scanned_at < ? AND (holder IS NOT NULL OR pass_hash IS NOT NULL)";

	private final JdbcClient jdbc;
	private final Period period;

	ScanLogRetention(JdbcClient jdbc, @Value("${gridlink.retention.scan-log:P30D}") Period period) {
		this.jdbc = jdbc;
		this.period = period;
	}

	@Override
	public String key() {
		return "passes.scan-log";
	}

	@Override
	public String nameKey() {
		return "retention.rule.passes.scan-log";
	}

	@Override
	public String periodProperty() {
		return "gridlink.retention.scan-log";
	}

	@Override
	public Period period() {
		return period;
	}

	@Override
	public int countDue(OffsetDateTime cutoff) {
		return jdbc.sql("SELECT COUNT(*) FROM checkpoint_scan WHERE " + DUE).param(cutoff).query(Integer.class).single();
	}

	@Override
	public int purge(OffsetDateTime cutoff) {
		return jdbc.sql("UPDATE checkpoint_scan SET holder = NULL, pass_hash = NULL WHERE " + DUE).param(cutoff).update();
	}
}
