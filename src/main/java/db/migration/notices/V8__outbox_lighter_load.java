package db.migration.notices;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, two of the outbox's indexes hold only the rows their queries look for, so that loading a notice's
 * outbox (every row QUEUED, without a provider id) maintains two indexes fewer (bench/RESULTS.md, notices: a bulk
 * COPY into the outbox took about 4.1 s with the old indexes and 2.8 s with these, for 160,000 rows):
 * <ul>
 * <li>{@code notice_outbox_by_provider} only for rows with a provider id: a delivery report finds its rows by
 * {@code provider_id = ?}, which implies {@code provider_id IS NOT NULL}, so the planner uses the partial index;</li>
 * <li>{@code notice_outbox_queue (state, channel, id)} is replaced by {@code notice_outbox_claimed (channel,
 * claimed_at) WHERE state = 'CLAIMED'}: the claim of queued rows has its own partial index since {@code V5}; what
 * still needs the state is the takeover of stale claims ({@code state = 'CLAIMED' AND channel = ? AND claimed_at <
 * ?}) and reading a claimed batch ({@code attempt_id = ? AND state = 'CLAIMED'}), both among the few claimed rows.</li>
 * </ul>
 * H2 has no partial indexes; its indexes stay as they are.
 */
public class V8__outbox_lighter_load extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		String product = context.getConnection().getMetaData().getDatabaseProductName();
		if (!"PostgreSQL".equalsIgnoreCase(product)) {
			return;
		}
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute("DROP INDEX notice_outbox_by_provider");
			statement.execute("CREATE INDEX notice_outbox_by_provider ON notice_outbox (provider_id)"
					+ " WHERE provider_id IS NOT NULL");
			statement.execute("CREATE INDEX notice_outbox_claimed ON notice_outbox (channel, claimed_at)"
					+ " WHERE state = 'CLAIMED'");
			statement.execute("DROP INDEX notice_outbox_queue");
		}
	}
}
