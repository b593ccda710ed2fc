package org.gridlink.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For {@code mvn verify -Ppostgres}: creates a fresh schema in database {@code test} before the suite and drops it
 * afterwards, since that server keeps what earlier runs left. Does nothing on H2.
 */
public class PostgresTestSchema implements LauncherSessionListener {

	private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
	private String schema;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (!System.getProperty("spring.profiles.active", "").contains("postgres")) {
			return;
		}
		schema = "gridlink_test_" + ProcessHandle.current().pid();
		execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema,
				"DROP SCHEMA IF EXISTS " + schema + "_cf CASCADE", "CREATE SCHEMA " + schema + "_cf");
		System.setProperty("gridlink.test.schema", schema);
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		if (schema != null) {
			execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "DROP SCHEMA IF EXISTS " + schema + "_cf CASCADE");
		}
	}

	private static void execute(String... statements) {
		try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL test schema: " + ex.getMessage(), ex);
		}
	}
}
