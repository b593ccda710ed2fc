package org.gridlink.platform.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Chooses the primary or the replica for each physical connection ({@link RouteDecision}). Wrapped in a
 * {@code LazyConnectionDataSourceProxy}, so that the choice happens at the first statement, when the transaction's
 * read-only flag is already set. A replica connection that cannot be had marks the replica down and falls back to the
 * primary. Counts the read-only connections per route ({@code gridlink.replica.reads}, tag {@code route}:
 * replica, primary (read-your-writes) or fallback).
 */
public class ReplicaRoutingDataSource extends AbstractRoutingDataSource {

	private final DataSource primary;
	private final DataSource replica;
	private final ReplicaMonitor monitor;
	private final Clock clock;
	private final Duration maxLag;
	private final Duration readYourWrites;
	private final Map<Route, Counter> reads = new EnumMap<>(Route.class);

	public ReplicaRoutingDataSource(DataSource primary, DataSource replica, ReplicaMonitor monitor, Clock clock,
			Duration maxLag, Duration readYourWrites, MeterRegistry meters) {
		this.primary = primary;
		this.replica = replica;
		this.monitor = monitor;
		this.clock = clock;
		this.maxLag = maxLag;
		this.readYourWrites = readYourWrites;
		for (Route route : Route.values()) {
			if (route != Route.WRITE) {
				reads.put(route, Counter.builder("gridlink.replica.reads")
					.description("Read-only connections by where they went")
					.tag("route", route.tag())
					.register(meters));
			}
		}
		setTargetDataSources(Map.of(Boolean.FALSE, primary, Boolean.TRUE, replica));
		setDefaultTargetDataSource(primary);
		setLenientFallback(false);
		afterPropertiesSet();
	}

	/** Where a connection taken now on this thread would go. */
	public Route route() {
		boolean readOnly = TransactionSynchronizationManager.isCurrentTransactionReadOnly();
		RequestReads.@Nullable Context request = RequestReads.current();
		if (!readOnly || request == null) {
			return Route.WRITE;
		}
		return RouteDecision.decide(true, request, monitor.status(), clock.instant(), maxLag, readYourWrites);
	}

	@Override
	protected Object determineCurrentLookupKey() {
		return route().toReplica();
	}

	@Override
	public Connection getConnection() throws SQLException {
		Route route = route();
		if (route.toReplica()) {
			try {
				Connection connection = replica.getConnection();
				count(Route.REPLICA);
				return connection;
			}
			catch (SQLException down) {
				monitor.failed(down);
				count(Route.FALLBACK);
				return primary.getConnection();
			}
		}
		count(route);
		return primary.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return getConnection();
	}

	private void count(Route route) {
		Counter counter = reads.get(route);
		if (counter != null) {
			counter.increment();
		}
	}

	/** How many read-only connections went where so far. */
	public long reads(Route route) {
		Counter counter = reads.get(route);
		return counter == null ? 0 : (long) counter.count();
	}

	public ReplicaMonitor monitor() {
		return monitor;
	}

	public Duration maxLag() {
		return maxLag;
	}
}
