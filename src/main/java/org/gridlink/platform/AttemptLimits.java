package org.gridlink.platform;

import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes the {@link AttemptLimit}s of the public pages, counted in the database shared by all instances. */
@org.springframework.modulith.NamedInterface("api")
@Component
public class AttemptLimits {

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;

	public AttemptLimits(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * A limit of {@code limit} attempts per address and per session in {@code window}; {@code name} (at most 40
	 * characters) keeps its counts apart from other limits' and must be the same on every instance.
	 */
	public AttemptLimit limit(String name, int limit, Duration window) {
		return new AttemptLimit(name, limit, window, clock, jdbc, transactions);
	}

	/** The same, counted by another clock (tests). */
	public AttemptLimit limit(String name, int limit, Duration window, Clock clock) {
		return new AttemptLimit(name, limit, window, clock, jdbc, transactions);
	}
}
