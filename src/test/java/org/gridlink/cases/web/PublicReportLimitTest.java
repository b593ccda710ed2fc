package org.gridlink.cases.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.gridlink.platform.AttemptLimits;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The residents' rate limit: per address and per session, within a sliding window, counted in the database. Two
 * limits of one name stand for two instances: they share the count.
 */
@WebTest
class PublicReportLimitTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	AttemptLimits limits;

	@Autowired
	JdbcClient jdbc;

	private Instant now = Instant.parse("2026-11-30T02:00:00Z");

	private final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	};

	private final String name = "test-report-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();

	PublicReportLimit limit(int max) {
		return new PublicReportLimit(limits, name, max, Duration.ofMinutes(10), clock);
	}

	@Test
	void fivePerAddressInTenMinutesThenFreeAgain() {
		PublicReportLimit limit = limit(5);
		for (int i = 0; i < 5; i++) {
			assertThat(limit.tryAcquire("10.0.0.1", "session-" + i)).isTrue();
			now = now.plusSeconds(60);
		}
		assertThat(limit.tryAcquire("10.0.0.1", "another")).as("sixth from the address").isFalse();
		assertThat(limit.tryAcquire("10.0.0.2", "another")).as("other address").isTrue();
		now = now.plusSeconds(5 * 60 + 1); // the first report is now more than 10 minutes old
		assertThat(limit.tryAcquire("10.0.0.1", "later")).isTrue();
		assertThat(limit.tryAcquire("10.0.0.1", "later2")).isFalse();
	}

	@Test
	void oneSessionFromChangingAddressesIsLimitedToo() {
		PublicReportLimit limit = limit(2);
		assertThat(limit.tryAcquire("10.0.1.1", "s")).isTrue();
		assertThat(limit.tryAcquire("10.0.1.2", "s")).isTrue();
		assertThat(limit.tryAcquire("10.0.1.3", "s")).isFalse();
	}

	@Test
	void twoInstancesShareOneCountAndARefusedAttemptIsNotCounted() {
		PublicReportLimit here = limit(3);
		PublicReportLimit there = limit(3);
		assertThat(here.tryAcquire("10.0.2.1", "a")).isTrue();
		assertThat(there.tryAcquire("10.0.2.1", "b")).isTrue();
		assertThat(here.tryAcquire("10.0.2.1", "c")).isTrue();
		assertThat(there.tryAcquire("10.0.2.1", "d")).as("the fourth, on the other instance").isFalse();
		assertThat(jdbc.sql("SELECT SUM(hits) FROM attempt_count WHERE limit_name = ?").param(name)
			.query(Long.class).single()).as("3 for the address + 3 sessions, the refused one rolled back").isEqualTo(6);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM attempt_count WHERE attempt_key LIKE '10.0.%'").query(Long.class)
			.single()).as("addresses are stored hashed").isZero();
	}

	@Test
	void concurrentAttemptsNeverGetMoreThanTheLimit() throws Exception {
		PublicReportLimit here = limit(5);
		PublicReportLimit there = limit(5);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Boolean>> attempts = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				PublicReportLimit instance = i % 2 == 0 ? here : there;
				String session = "c" + i;
				attempts.add(() -> instance.tryAcquire("10.0.3.1", session));
			}
			int allowed = 0;
			for (Future<Boolean> f : pool.invokeAll(attempts)) {
				allowed += f.get() ? 1 : 0;
			}
			assertThat(allowed).isEqualTo(5);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void expiredBucketsArePurged() {
		PublicReportLimit limit = limit(5);
		assertThat(limit.tryAcquire("10.0.4.1", "p")).isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM attempt_count WHERE limit_name = ?").param(name).query(Long.class)
			.single()).isEqualTo(2);
		now = now.plus(Duration.ofMinutes(30));
		assertThat(limit.tryAcquire("10.0.4.2", "q")).isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM attempt_count WHERE limit_name = ?").param(name).query(Long.class)
			.single()).as("only the new attempt's two rows").isEqualTo(2);
	}
}
