package org.gridlink.passes;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.Retention;
import org.gridlink.platform.Role;
import org.gridlink.platform.Scope;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention of the scan log (issue 12): 30 days after a scan its holder and pass hash go; checkpoint, time, direction
 * and result stay for the counts. A recent scan keeps both.
 */
@WebTest
class ScanLogRetentionTest {

	static final CurrentUser ADMIN = new CurrentUser(-1, "admin", "admin", Set.of(Role.ADMIN), Scope.none(), null);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Retention retention;

	UUID scan(OffsetDateTime at) {
		UUID id = UUID.randomUUID();
		long checkpoint = jdbc.sql("SELECT MIN(id) FROM checkpoint").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO checkpoint_scan (client_id, checkpoint_id, scanned_at, scan_day, direction, result, reason,
				  pass_type, holder, pass_hash, verified_by, uploaded_by, uploaded_at)
				VALUES (?, ?, ?, ?, 'IN', 'VALID', 'OK', 'PERSON', '张*', '0123456789abcdef', 'SERVER', 'checkpoint1', ?)""")
				.params(id, checkpoint, at, at.toLocalDate(), at).update();
		return id;
	}

	@Test
	void anOldScanLosesItsHolderAndPassAndKeepsItsCount() {
		OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai"));
		UUID old = scan(now.minusDays(31));
		UUID recent = scan(now.minusDays(29));

		assertThat(retention.runNow(ADMIN).purged().get("passes.scan-log")).isGreaterThanOrEqualTo(1);

		var row = jdbc.sql("SELECT holder, pass_hash, result, direction, scan_day FROM checkpoint_scan WHERE client_id = ?")
				.param(old).query().singleRow();
		assertThat(row.get("holder")).isNull();
		assertThat(row.get("pass_hash")).isNull();
		assertThat(row.get("result")).isEqualTo("VALID");
		assertThat(row.get("direction")).isEqualTo("IN");
		assertThat(row.get("scan_day")).isNotNull();
		assertThat(jdbc.sql("SELECT holder FROM checkpoint_scan WHERE client_id = ?").param(recent).query(String.class)
				.single()).isEqualTo("张*");
	}
}
