package db.migration.notices;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, a new (queued) outbox row enters two indexes besides the primary key's no more, but one: the
 * queued rows' partial index now also carries the notice ({@code (channel, id, notice_id) WHERE state = 'QUEUED'},
 * still in the claim's order), and {@code notice_outbox_by_notice (notice_id, state)} holds only the rows that left
 * the queue ({@code WHERE state <> 'QUEUED'}). A notice's outbox is built with one {@code INSERT … SELECT}; each index
 * its rows enter cost about as much as the primary key (bench/RESULTS.md, notices). The queries that read a notice's
 * rows ask for its queued rows and for the others apart ({@code state = 'QUEUED'} / {@code state <> 'QUEUED'}), so
 * that each part has its index. H2 has no partial indexes; its indexes stay as they are.
 */
public class V9__outbox_queued_rows_in_one_index extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		String product = context.getConnection().getMetaData().getDatabaseProductName();
		if (!"PostgreSQL".equalsIgnoreCase(product)) {
			return;
		}
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute("DROP INDEX notice_outbox_queued");
			statement.execute("CREATE INDEX notice_outbox_queued ON notice_outbox (channel, id, notice_id)"
					+ " WHERE state = 'QUEUED'");
			statement.execute("DROP INDEX notice_outbox_by_notice");
			statement.execute("CREATE INDEX notice_outbox_by_notice ON notice_outbox (notice_id, state)"
					+ " WHERE state <> 'QUEUED'");
		}
	}
}
