package org.gridlink.cases.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The residents' rate limit: per address and per session, within a sliding window. */
class PublicReportLimitTest {

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

	@Test
	void fivePerAddressInTenMinutesThenFreeAgain() {
		PublicReportLimit limit = new PublicReportLimit(5, Duration.ofMinutes(10), clock);
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
		PublicReportLimit limit = new PublicReportLimit(2, Duration.ofMinutes(10), clock);
		assertThat(limit.tryAcquire("10.0.1.1", "s")).isTrue();
		assertThat(limit.tryAcquire("10.0.1.2", "s")).isTrue();
		assertThat(limit.tryAcquire("10.0.1.3", "s")).isFalse();
	}
}
