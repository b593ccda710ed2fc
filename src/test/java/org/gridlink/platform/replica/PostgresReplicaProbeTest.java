package org.gridlink.platform.replica;

import java.sql.Connection;
import java.time.Clock;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL probe's SQL on a real server ({@code -Ppostgres}): the test database is a primary, not in recovery,
 * so the probe must refuse it as a replica; a replica URL pointing at the primary itself (after a failover, say)
 * therefore never serves reads. A port nobody listens on is down.
 */
class PostgresReplicaProbeTest {

	private static DataSource postgres(int port) {
		return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + port + "/test?connectTimeout=2", "postgres",
				"");
	}

	@Test
	void aServerNotInRecoveryIsNoReplica() throws Exception {
		assumeTrue(System.getProperty("spring.profiles.active", "").contains("postgres"), "PostgreSQL (-Ppostgres) only");
		DataSource primary = postgres(5432);
		try (Connection connection = primary.getConnection()) {
			assertThat(connection.isValid(2)).isTrue();
		}
		ReplicaStatus status = ReplicaProbe.postgres(primary, primary, Clock.systemUTC()).check();
		assertThat(status.up()).isFalse();
		assertThat(status.problem()).startsWith("not in recovery");
	}

	@Test
	void aReplicaNobodyAnswersIsDown() {
		assumeTrue(System.getProperty("spring.profiles.active", "").contains("postgres"), "PostgreSQL (-Ppostgres) only");
		ReplicaStatus status = ReplicaProbe.postgres(postgres(5432), postgres(1), Clock.systemUTC()).check();
		assertThat(status.up()).isFalse();
		assertThat(status.problem()).isNotBlank();
	}

	/**
	 * A real streaming replica, when one is named ({@code -Dgridlink.test.replica-ports=PRIMARY,REPLICA}, both on
	 * 127.0.0.1 with a database {@code gridlink}, e.g. the clusters of ops/cluster/up.sh): caught up, so lag zero;
	 * the primary itself as "replica" is refused.
	 */
	@Test
	void aStreamingReplicaThatHasCaughtUpHasNoLag() {
		String ports = System.getProperty("gridlink.test.replica-ports", "");
		assumeTrue(ports.contains(","), "needs -Dgridlink.test.replica-ports=PRIMARY,REPLICA");
		String[] both = ports.split(",");
		DataSource primary = gridlink(Integer.parseInt(both[0].strip()));
		DataSource replica = gridlink(Integer.parseInt(both[1].strip()));
		new org.springframework.jdbc.core.JdbcTemplate(primary).execute("CREATE TABLE IF NOT EXISTS probe_test (n int)");
		new org.springframework.jdbc.core.JdbcTemplate(primary).update("INSERT INTO probe_test VALUES (1)");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
			ReplicaStatus status = ReplicaProbe.postgres(primary, replica, Clock.systemUTC()).check();
			assertThat(status.up()).as(String.valueOf(status.problem())).isTrue();
			assertThat(status.lag()).isEqualTo(java.time.Duration.ZERO);
		});
		assertThat(ReplicaProbe.postgres(primary, primary, Clock.systemUTC()).check().up()).isFalse();
	}

	private static DataSource gridlink(int port) {
		return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + port + "/gridlink?connectTimeout=2",
				"postgres", "");
	}
}
