package db.migration.notices;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, a partial index of the queued outbox rows by channel and id, for the sender's claim
 * ({@code state = 'QUEUED' AND channel = ? ... ORDER BY id LIMIT 100}). With up-to-date statistics the planner
 * otherwise walks the primary key from the lowest id and filters out every row already sent (1.4 s per claim with
 * 250,000 rows sent, bench/RESULTS.md); this index holds only what is still to send, so a claim reads its 100 rows
 * and the index shrinks as the notice goes out. H2 has no partial indexes; the (state, channel, id) index serves there.
 */
public class V5__outbox_queued_index extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		String product = context.getConnection().getMetaData().getDatabaseProductName();
		if (!"PostgreSQL".equalsIgnoreCase(product)) {
			return;
		}
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute("CREATE INDEX notice_outbox_queued ON notice_outbox (channel, id) WHERE state = 'QUEUED'");
		}
	}
}
