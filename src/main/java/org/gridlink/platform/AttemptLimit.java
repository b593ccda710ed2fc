package org.gridlink.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The brake of a public page without login: at most {@code limit} attempts per client address and per session in a
 * sliding {@code window}, counted in the database ({@code attempt_count}) so that all instances behind the balancer
 * share one count. Enough to stop a script flooding the page from one place; a determined abuser with many addresses
 * needs the proxy's limits.
 * <p>
 * The window slides in tenths: an attempt is counted in the bucket of its tenth of the window and forgotten once its
 * bucket is ten buckets old (between 0.9 and 1 window after it). One attempt is one transaction: both keys' buckets
 * get one more hit (the rows stay locked until the end, so concurrent attempts on the same key, on any instance,
 * queue up), then the window's sums are read; over the limit, the transaction rolls back and the attempt is refused
 * without being counted. Keys are stored as SHA-256 hashes; expired rows are deleted by whichever instance passes by
 * first (at most once a minute per limit and instance). Made by {@link AttemptLimits}.
 */
@org.springframework.modulith.NamedInterface("api")
public final class AttemptLimit {

	static final int BUCKETS = 10;

	private final String name;
	private final int limit;
	private final Duration window;
	private final long bucketMillis;
	private final Clock clock;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final AtomicLong nextPurge = new AtomicLong();

	AttemptLimit(String name, int limit, Duration window, Clock clock, JdbcClient jdbc,
			TransactionTemplate transactions) {
		if (name.length() > 40) {
			throw new IllegalArgumentException("limit name longer than 40: " + name);
		}
		this.name = name;
		this.limit = limit;
		this.window = window;
		this.bucketMillis = Math.max(1000, window.toMillis() / BUCKETS);
		this.clock = clock;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** True when another attempt from this address and session is allowed now; it is then counted. */
	public boolean tryAcquire(String address, String session) {
		Instant now = clock.instant();
		purgeNowAndThen(now);
		long bucket = now.toEpochMilli() / bucketMillis;
		OffsetDateTime expires = Instant.ofEpochMilli((bucket + 1) * bucketMillis).plus(window)
			.atOffset(ZoneOffset.UTC);
		// always the address first: every transaction locks its rows in the same order (no deadlock)
		List<String> keys = List.of(Hashes.sha256Hex("a:" + address), Hashes.sha256Hex("s:" + session));
		Boolean allowed = transactions.execute(tx -> {
			for (String key : keys) {
				jdbc.sql("""
						INSERT INTO attempt_count (limit_name, attempt_key, bucket, hits, expires_at)
						VALUES (?, ?, ?, 0, ?) ON CONFLICT DO NOTHING""").params(name, key, bucket, expires).update();
				jdbc.sql("UPDATE attempt_count SET hits = hits + 1 WHERE limit_name = ? AND attempt_key = ? AND bucket = ?")
					.params(name, key, bucket).update();
			}
			Map<String, Long> sums = jdbc.sql("""
					SELECT attempt_key, SUM(hits) FROM attempt_count
					WHERE limit_name = ? AND attempt_key IN (?, ?) AND bucket > ? GROUP BY attempt_key""")
				.params(name, keys.get(0), keys.get(1), bucket - BUCKETS)
				.query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
				.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum));
			if (sums.values().stream().anyMatch(n -> n > limit)) {
				tx.setRollbackOnly();
				return false;
			}
			return true;
		});
		return Boolean.TRUE.equals(allowed);
	}

	/** Forgets every count of this limit (tests). */
	public void reset() {
		jdbc.sql("DELETE FROM attempt_count WHERE limit_name = ?").param(name).update();
	}

	private void purgeNowAndThen(Instant now) {
		long next = nextPurge.get();
		if (now.toEpochMilli() >= next && nextPurge.compareAndSet(next, now.toEpochMilli() + 60_000)) {
			jdbc.sql("DELETE FROM attempt_count WHERE limit_name = ? AND expires_at < ?")
				.params(name, now.atOffset(ZoneOffset.UTC)).update();
		}
	}
}
