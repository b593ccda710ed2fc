package org.gridlink.platform.replica;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/** Measures the replica once; {@link ReplicaMonitor} decides how often. */
@FunctionalInterface
public interface ReplicaProbe {

	ReplicaStatus check();

	/**
	 * PostgreSQL streaming replication. The primary's current WAL position is read first; a replica that has replayed
	 * up to it is not behind at all (lag zero, also when nothing was written for a while: then
	 * {@code now() - pg_last_xact_replay_timestamp()} would grow without meaning anything). Otherwise the lag is the
	 * time since the last transaction it replayed. A server that is not in recovery (a primary, or a promoted replica)
	 * is not used as a replica.
	 */
	static ReplicaProbe postgres(DataSource primary, DataSource replica, Clock clock) {
		return () -> {
			String primaryLsn = null;
			try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
				primaryLsn = rows.next() ? rows.getString(1) : null;
			}
			catch (SQLException primaryDown) {
				// measured by the replay time alone
			}
			try (Connection connection = replica.getConnection();
					PreparedStatement statement = connection.prepareStatement("SELECT pg_is_in_recovery(), "
							+ "COALESCE(pg_last_wal_replay_lsn() >= CAST(? AS pg_lsn), false), "
							+ "EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp())")) {
				statement.setString(1, primaryLsn == null ? "FFFFFFFF/FFFFFFFF" : primaryLsn);
				try (ResultSet rows = statement.executeQuery()) {
					rows.next();
					if (!rows.getBoolean(1)) {
						return ReplicaStatus.down("not in recovery: a primary, or a promoted replica", clock.instant());
					}
					if (rows.getBoolean(2)) {
						return ReplicaStatus.usable(Duration.ZERO, clock.instant());
					}
					BigDecimal seconds = rows.getBigDecimal(3);
					if (seconds == null) {
						return new ReplicaStatus(true, null, "has replayed no transaction yet", clock.instant());
					}
					return ReplicaStatus.usable(Duration.ofMillis(Math.max(0, seconds.movePointRight(3).longValue())),
							clock.instant());
				}
			}
			catch (SQLException down) {
				return ReplicaStatus.down(message(down), clock.instant());
			}
		};
	}

	/**
	 * A replica that is not PostgreSQL (H2 in tests): only whether it answers; its lag counts as zero.
	 */
	static ReplicaProbe liveness(DataSource replica, Clock clock) {
		return () -> {
			try (Connection connection = replica.getConnection()) {
				return connection.isValid(2) ? ReplicaStatus.usable(Duration.ZERO, clock.instant())
						: ReplicaStatus.down("connection not valid", clock.instant());
			}
			catch (SQLException down) {
				return ReplicaStatus.down(message(down), clock.instant());
			}
		};
	}

	static String message(@Nullable Throwable failure) {
		if (failure == null) {
			return "unknown";
		}
		String message = failure.getMessage();
		return message == null ? failure.getClass().getSimpleName() : message;
	}
}
