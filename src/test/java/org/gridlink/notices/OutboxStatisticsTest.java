package org.gridlink.notices;

import java.util.UUID;

import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a large outbox load PostgreSQL's planner statistics are refreshed at once (ANALYZE), so the sender's claims do
 * not scan every queued row, and the queued rows have a partial index of their own (bench/RESULTS.md); H2 has
 * neither.
 */
@WebTest
class OutboxStatisticsTest {

	@Autowired
	OutboxBuilder builder;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	boolean postgres() throws java.sql.SQLException {
		try (var c = dataSource.getConnection()) {
			return "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
		}
	}

	double plannerRows() {
		return jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = 'notice_outbox'::regclass").query(Double.class)
				.single();
	}

	long rows() {
		return jdbc.sql("SELECT COUNT(*) FROM notice_outbox").query(Long.class).single();
	}

	@Test
	void aLargeLoadRefreshesThePlannersRowCountOnPostgres() throws Exception {
		long user = jdbc.sql("SELECT id FROM app_user WHERE username = 'grid1'").query(Long.class).single();
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 40; i++) {
			notifications.toUser(user, "统计测试", "正文", null, "outbox-statistics:" + run + ":" + i);
		}
		if (!postgres()) {
			builder.analyzeAfterBulkLoad(OutboxBuilder.ANALYZE_AFTER_ROWS); // nothing to do on H2
			return;
		}
		assertThat(plannerRows()).as("the 40 rows just added are not in the statistics yet").isNotEqualTo((double) rows());
		builder.analyzeAfterBulkLoad(OutboxBuilder.ANALYZE_AFTER_ROWS);
		assertThat(plannerRows()).isEqualTo((double) rows());
		// and the claim reads the queued rows through their own partial index (notices migration V5)
		assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'notice_outbox_queued'"
				+ " AND schemaname = current_schema()").query(String.class).single()).contains("WHERE")
				.contains("QUEUED");
	}
}
