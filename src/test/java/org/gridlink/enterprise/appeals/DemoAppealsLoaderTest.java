package org.gridlink.enterprise.appeals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.support.Demo.GRID1;
import static org.gridlink.support.Demo.GRID2;

/**
 * The demo loader over a registry (the registry's own demo is another part's): 400 appeals, exactly half through the
 * green channel, each an ENTERPRISE case, in the states of the loop, and two reception days with bookings. Run in a
 * transaction that is rolled back, so the shared database keeps no demo appeals.
 */
@WebTest
class DemoAppealsLoaderTest {

	@Autowired
	DemoAppealsLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void fourHundredAppealsHalfGreenInEveryStateAndTwoReceptionDays() {
		transactions.executeWithoutResult(tx -> {
			for (int i = 0; i < 30; i++) {
				String code = "92320819" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
						.toUpperCase(java.util.Locale.ROOT);
				jdbc.sql("INSERT INTO enterprise (credit_code, name, grid_code, key_enterprise, created_at, created_by)"
						+ " VALUES (?, ?, ?, ?, ?, 'test')").params(code, "演示测试企业" + i, i % 2 == 0 ? GRID1 : GRID2,
								i % 6 == 0, OffsetDateTime.now()).update();
			}
			// the start-up demo has already filed its appeals under the same idempotency keys: this rolled-back
			// transaction frees them, so the loader runs here as on an empty database
			jdbc.sql("DELETE FROM case_idempotency WHERE idem_key LIKE 'demo-appeal-%'").update();
			long maxBefore = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM enterprise_appeal").query(Long.class).single();
			long daysBefore = jdbc.sql("SELECT COUNT(*) FROM reception_day").query(Long.class).single();
			loader.load();
			String fresh = " FROM enterprise_appeal a WHERE a.id > " + maxBefore;
			assertThat(jdbc.sql("SELECT COUNT(*)" + fresh).query(Long.class).single()).isEqualTo(400);
			assertThat(jdbc.sql("SELECT COUNT(*)" + fresh + " AND a.green = TRUE").query(Long.class).single())
					.isEqualTo(200);
			assertThat(jdbc.sql("SELECT COUNT(*)" + fresh + " AND EXISTS (SELECT 1 FROM case_file c WHERE c.id ="
					+ " a.case_id AND c.source = 'ENTERPRISE' AND c.category_code = a.category_code)")
					.query(Long.class).single()).isEqualTo(400);
			List<String> states = jdbc.sql("SELECT DISTINCT case_status" + fresh).query(String.class).list();
			assertThat(states).contains("FILED", "DISPATCHED", "ACCEPTED", "HANDLED", "CLOSED");
			assertThat(jdbc.sql("SELECT COUNT(*)" + fresh + " AND a.closed_at IS NOT NULL AND a.closed_at > a.close_due_at")
					.query(Long.class).single()).isPositive();
			assertThat(jdbc.sql("SELECT COUNT(*)" + fresh + " AND a.channel = 'RECEPTION' AND a.booking_id IS NOT NULL")
					.query(Long.class).single()).isEqualTo(4);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM reception_day").query(Long.class).single())
					.isEqualTo(daysBefore + 2);
			tx.setRollbackOnly();
		});
	}
}
