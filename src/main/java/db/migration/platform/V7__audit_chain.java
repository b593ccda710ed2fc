package db.migration.platform;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.gridlink.platform.AuditChain;

/**
 * The tamper-evident audit trail: every entry gets the previous entry's hash and its own ({@link AuditChain}); the
 * existing entries are chained here, in id order, and {@code audit_chain_head} (one row) holds the last hash. Appends
 * lock that row, so concurrent writers never fork the chain. On PostgreSQL the append-only trigger is set aside for
 * this one backfill.
 */
public class V7__audit_chain extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		boolean postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE audit_entry ADD COLUMN prev_hash VARCHAR(64)");
			statement.execute("ALTER TABLE audit_entry ADD COLUMN entry_hash VARCHAR(64)");
			statement.execute("CREATE TABLE audit_chain_head (id INTEGER PRIMARY KEY, last_hash VARCHAR(64) NOT NULL)");
			if (postgres) {
				statement.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete");
			}
		}
		String previous = AuditChain.GENESIS;
		try (Statement read = connection.createStatement();
				ResultSet rows = read.executeQuery("""
						SELECT id, occurred_at, username, action, subject_type, subject, outcome, ip, detail
						FROM audit_entry ORDER BY id""");
				PreparedStatement update = connection.prepareStatement("""
						UPDATE audit_entry SET occurred_at = ?, prev_hash = ?, entry_hash = ? WHERE id = ?""")) {
			while (rows.next()) {
				OffsetDateTime at = rows.getObject(2, OffsetDateTime.class).truncatedTo(ChronoUnit.MICROS);
				String hash = AuditChain.link(previous, at, rows.getString(3), rows.getString(4), rows.getString(5),
						rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9));
				update.setObject(1, at);
				update.setString(2, previous);
				update.setString(3, hash);
				update.setLong(4, rows.getLong(1));
				update.executeUpdate();
				previous = hash;
			}
		}
		try (PreparedStatement head = connection.prepareStatement(
				"INSERT INTO audit_chain_head (id, last_hash) VALUES (1, ?)")) {
			head.setString(1, previous);
			head.executeUpdate();
		}
		if (postgres) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete");
			}
		}
	}
}
