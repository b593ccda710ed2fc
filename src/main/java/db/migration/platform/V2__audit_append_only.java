package db.migration.platform;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the audit trail append-only in the database itself on PostgreSQL: a trigger refuses every UPDATE and
 * DELETE of {@code audit_entry}, whoever connects. (H2, the embedded demo database, has no such trigger; there the
 * application's own code, which only inserts, is the guard.)
 */
public class V2__audit_append_only extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		String product = context.getConnection().getMetaData().getDatabaseProductName();
		if (!"PostgreSQL".equalsIgnoreCase(product)) {
			return;
		}
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute("""
					CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
					BEGIN
					  RAISE EXCEPTION 'audit_entry is append-only';
					END;
					$$ LANGUAGE plpgsql""");
			statement.execute("""
					CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
					FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()""");
			statement.execute("""
					CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
					FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()""");
		}
	}
}
