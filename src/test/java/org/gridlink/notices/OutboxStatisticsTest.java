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

	@Test
	void theLoadMaintainsOnlyTheIndexesItsRowsNeedOnPostgres() throws Exception {
		if (!postgres()) {
			return; // H2 has no partial indexes: its outbox keeps the indexes of V1
		}
		// notices migration V8: the provider index only for rows with a provider id, the stale-claim index only for
		// claimed rows, and no index of every row's state
		assertThat(index("notice_outbox_by_provider")).contains("WHERE (provider_id IS NOT NULL)");
		assertThat(index("notice_outbox_claimed")).contains("(channel, claimed_at)").contains("CLAIMED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'notice_outbox_queue'"
				+ " AND schemaname = current_schema()").query(Long.class).single()).isZero();
		// and the queries they serve can use them (on one connection with sequential scans off: the table is small)
		try (var c = dataSource.getConnection(); var st = c.createStatement()) {
			st.execute("SET enable_seqscan = off");
			try {
				// the by-notice index (V9: rows that left the queue) also holds every SENT and CLAIMED row; on a table this small
				// the planner takes either at the same cost, so it is left out here (with statistics, a report's
				// provider id or the few claimed rows against every row that left the queue)
				c.setAutoCommit(false);
				try {
					st.execute("DROP INDEX notice_outbox_by_notice");
					assertThat(plan(st, "UPDATE notice_outbox SET state = 'DELIVERED' WHERE provider_id = 'biz-1'"
							+ " AND phone_hash IN ('h') AND state = 'SENT'")).contains("notice_outbox_by_provider");
					assertThat(plan(st, "SELECT DISTINCT attempt_id FROM notice_outbox WHERE state = 'CLAIMED'"
							+ " AND channel = 'SMS' AND claimed_at < now()")).contains("notice_outbox_claimed");
				}
				finally {
					c.rollback();
					c.setAutoCommit(true);
				}
				assertThat(plan(st, "SELECT id FROM notice_outbox WHERE state = 'QUEUED' AND channel = 'SMS'"
						+ " AND not_before <= now() ORDER BY id LIMIT 100")).contains("notice_outbox_queued");
				// V9: a new (queued) row is not in the by-notice index; a notice's queued rows are found through the
				// queued index, the others through the by-notice one (counts, failures, finishing a notice)
				assertThat(index("notice_outbox_by_notice")).contains("(notice_id, state)").contains("<>")
						.contains("QUEUED");
				assertThat(index("notice_outbox_queued")).contains("(channel, id, notice_id)");
				for (String part : Notices.QUEUED_AND_NOT) {
					assertThat(plan(st, "SELECT o.state, COUNT(*) FROM notice_outbox o WHERE o.notice_id = 1" + part
							+ " GROUP BY o.state")).as(part)
							.contains(part.contains("<>") ? "notice_outbox_by_notice" : "notice_outbox_queued");
				}
				assertThat(plan(st, "SELECT id FROM notice_outbox WHERE notice_id = 1 AND state = 'FAILED'"
						+ " ORDER BY id LIMIT 500")).contains("notice_outbox_by_notice");
				assertThat(plan(st, "SELECT 1 FROM notice_outbox o WHERE o.notice_id = 1 AND o.state = 'CLAIMED'"))
						.containsAnyOf("notice_outbox_by_notice", "notice_outbox_claimed");
			}
			finally {
				st.execute("RESET enable_seqscan");
			}
		}
	}

	private static String plan(java.sql.Statement st, String query) throws java.sql.SQLException {
		StringBuilder plan = new StringBuilder();
		try (var rs = st.executeQuery("EXPLAIN " + query)) {
			while (rs.next()) {
				plan.append(rs.getString(1)).append('\n');
			}
		}
		return plan.toString();
	}

	private String index(String name) {
		return jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = ? AND schemaname = current_schema()")
				.param(name).query(String.class).single();
	}
}
