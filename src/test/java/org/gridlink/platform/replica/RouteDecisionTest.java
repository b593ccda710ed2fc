package org.gridlink.platform.replica;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The routing rule and the cached replica check, without a database. */
class RouteDecisionTest {

	private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
	private static final Duration MAX_LAG = Duration.ofSeconds(10);
	private static final Duration RYW = Duration.ofSeconds(15);
	private static final RequestReads.Context PAGE = new RequestReads.Context(null, false);
	private static final ReplicaStatus FRESH = ReplicaStatus.usable(Duration.ofMillis(300), NOW);

	@Test
	void aReadOnlyTransactionOfAPageReadsTheReplica() {
		assertThat(RouteDecision.decide(true, PAGE, FRESH, NOW, MAX_LAG, RYW)).isEqualTo(Route.REPLICA);
	}

	@Test
	void writesAndWorkOutsideAPageRequestUseThePrimary() {
		assertThat(RouteDecision.decide(false, PAGE, FRESH, NOW, MAX_LAG, RYW)).isEqualTo(Route.WRITE);
		// schedulers, listeners, start-up: no request context, even when read-only
		assertThat(RouteDecision.decide(true, null, FRESH, NOW, MAX_LAG, RYW)).isEqualTo(Route.WRITE);
	}

	@Test
	void aReplicaFurtherBehindThanTheLimitIsNotUsed() {
		ReplicaStatus behind = ReplicaStatus.usable(Duration.ofSeconds(11), NOW);
		assertThat(RouteDecision.decide(true, PAGE, behind, NOW, MAX_LAG, RYW)).isEqualTo(Route.FALLBACK);
		ReplicaStatus atTheLimit = ReplicaStatus.usable(MAX_LAG, NOW);
		assertThat(RouteDecision.decide(true, PAGE, atTheLimit, NOW, MAX_LAG, RYW)).isEqualTo(Route.REPLICA);
		ReplicaStatus unmeasured = new ReplicaStatus(true, null, "has replayed no transaction yet", NOW);
		assertThat(RouteDecision.decide(true, PAGE, unmeasured, NOW, MAX_LAG, RYW)).isEqualTo(Route.FALLBACK);
	}

	@Test
	void aReplicaThatIsDownIsNotUsed() {
		ReplicaStatus down = ReplicaStatus.down("Connection refused", NOW);
		assertThat(RouteDecision.decide(true, PAGE, down, NOW, MAX_LAG, RYW)).isEqualTo(Route.FALLBACK);
	}

	@Test
	void theSameSessionReadsThePrimaryForAWhileAfterItsWrite() {
		RequestReads.Context wroteJustNow = new RequestReads.Context(NOW.minusSeconds(3), false);
		assertThat(RouteDecision.decide(true, wroteJustNow, FRESH, NOW, MAX_LAG, RYW)).isEqualTo(Route.PRIMARY);
		RequestReads.Context wroteLongAgo = new RequestReads.Context(NOW.minus(RYW), false);
		assertThat(RouteDecision.decide(true, wroteLongAgo, FRESH, NOW, MAX_LAG, RYW)).isEqualTo(Route.REPLICA);
		RequestReads.Context writingRequest = new RequestReads.Context(null, true);
		assertThat(RouteDecision.decide(true, writingRequest, FRESH, NOW, MAX_LAG, RYW)).isEqualTo(Route.PRIMARY);
	}

	@Test
	void theReplicaIsCheckedAtMostEveryFewSecondsAndMarkedDownWhenAConnectionFails() {
		AtomicReference<Instant> now = new AtomicReference<>(NOW);
		java.time.Clock clock = new java.time.Clock() {
			@Override
			public java.time.ZoneId getZone() {
				return java.time.ZoneOffset.UTC;
			}

			@Override
			public java.time.Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}
		};
		AtomicInteger checks = new AtomicInteger();
		ReplicaMonitor monitor = new ReplicaMonitor(() -> {
			checks.incrementAndGet();
			return ReplicaStatus.usable(Duration.ofMillis(checks.get()), clock.instant());
		}, clock, Duration.ofSeconds(2));

		assertThat(monitor.status().within(MAX_LAG)).isTrue();
		now.set(NOW.plusMillis(1999));
		monitor.status();
		assertThat(checks).hasValue(1);
		now.set(NOW.plusSeconds(2));
		assertThat(monitor.status().lag()).isEqualTo(Duration.ofMillis(2));
		assertThat(checks).hasValue(2);

		monitor.failed(new java.sql.SQLException("Connection refused"));
		assertThat(monitor.status().within(MAX_LAG)).isFalse();
		assertThat(monitor.lastStatus().problem()).isEqualTo("Connection refused");
		now.set(NOW.plusSeconds(4));
		assertThat(monitor.status().within(MAX_LAG)).isTrue();
		assertThat(checks).hasValue(3);
	}
}
