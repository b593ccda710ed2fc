package org.gridlink.enterprise.support;

import org.gridlink.support.Demo;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo loader over enterprises of its own, in a transaction rolled back at the end (the shared database keeps what
 * other tests wrote): a team for every key enterprise, relief, 40 check-ups in every stage with one task per red or
 * orange finding; and nothing the second time.
 */
@WebTest
class DemoSupportLoaderTest {

	@Autowired
	DemoSupportLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void loadsEveryStageOnceInBulk() {
		transactions.executeWithoutResult(tx -> {
			for (String table : new String[] { "legal_checkup_fix_task", "legal_checkup_finding", "legal_checkup_answer",
					"legal_checkup", "enterprise_advisor", "enterprise_relief" }) {
				jdbc.sql("DELETE FROM " + table).update();
			}
			for (int i = 0; i < 60; i++) {
				SupportFixtures.enterprise(jdbc, "演示企业" + i, i % 2 == 0 ? "C" : "F", i % 3 == 0 ? Demo.GRID1 : Demo.GRID2,
						i % 5 == 0);
			}
			long keys = count("SELECT COUNT(*) FROM enterprise WHERE key_enterprise");
			assertThat(loader.load()).isPositive();
			assertThat(count("SELECT COUNT(*) FROM enterprise_advisor")).isEqualTo(4 * keys);
			assertThat(count("SELECT COUNT(*) FROM legal_checkup")).isEqualTo(DemoSupportLoader.CHECKUPS);
			assertThat(count("SELECT COUNT(DISTINCT status) FROM legal_checkup")).isEqualTo(4);
			assertThat(count("SELECT COUNT(*) FROM legal_checkup_finding WHERE risk IN ('RED', 'ORANGE')"))
					.isPositive()
					.isEqualTo(count("SELECT COUNT(*) FROM legal_checkup_fix_task"));
			assertThat(count("SELECT COUNT(*) FROM enterprise_relief WHERE relief_type IN ('LOAN_EXTENSION', "
					+ "'NEW_CREDIT') AND (bank IS NULL OR ends_on IS NULL)")).isZero();
			assertThat(loader.load()).isZero();
			tx.setRollbackOnly();
		});
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
