package org.gridlink.quarantine;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.gridlink.quarantine.web.CheckInLimit;
import org.gridlink.support.Concurrently;
import org.gridlink.support.OtherInstance;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridlink.quarantine.CheckInFixtures.ZONE;
import static org.gridlink.support.Demo.GRID1;

/**
 * Two application contexts on one database stand for two instances: the missed check-in watcher's run of a slot is
 * claimed by one of them and a missed check-in makes one alert and one case; the public check-in page's limit is one
 * count for both.
 */
@WebTest
class MissedCheckInAcrossInstancesTest {

	@Autowired
	MissedCheckInWatcher watcher;

	@Autowired
	CheckInLimit limit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	CheckInFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new CheckInFixtures(jdbc);
		limit.reset();
	}

	@AfterEach
	void tearDown() {
		limit.reset();
	}

	@Test
	void aMissedCheckInMakesOneAlertAndOneCaseWhenBothInstancesRunTheSameSlot() throws Exception {
		MissedCheckInWatcher there = OtherInstance.of(environment).getBean(MissedCheckInWatcher.class);
		LocalDate day = LocalDate.of(2032, 5, 11);
		long order = fixtures.homeOrder(GRID1, day.minusDays(2), day.plusDays(10),
				day.minusDays(2).atStartOfDay(ZONE).toOffsetDateTime());
		OffsetDateTime after = day.atTime(10, 1).atZone(ZONE).toOffsetDateTime();

		List<Integer> runs = Concurrently.run(() -> watcher.run(after), () -> there.run(after));
		assertThat(runs).as("one instance ran the slot, the other skipped it").containsOnlyOnce(-1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM job_claim WHERE job = ?").param(MissedCheckInWatcher.JOB)
			.query(Long.class).single()).isPositive();

		// a later slot and plain sweeps on both instances at once raise nothing more
		Concurrently.run(() -> watcher.run(after.plusMinutes(5)), () -> there.run(after.plusMinutes(5)),
				() -> watcher.sweep(after.plusMinutes(6)), () -> there.sweep(after.plusMinutes(6)));

		assertThat(fixtures.alerts(order, "MISSED")).as("one alert").isEqualTo(1);
		assertThat(fixtures.caseOf(order, "MISSED")).isPositive();
		assertThat(fixtures.cases(order, "S0302")).as("one case").isEqualTo(1);
	}

	@Test
	void thePublicCheckInLimitIsOneCountForBothInstances() {
		CheckInLimit there = OtherInstance.of(environment).getBean(CheckInLimit.class);
		int allowed = 0;
		for (int i = 0; i < 14; i++) {
			CheckInLimit instance = i % 2 == 0 ? limit : there;
			if (instance.tryAcquire("10.9.8.7", "session-" + i)) {
				allowed++;
			}
		}
		assertThat(allowed).as("the default limit of 10, across both instances").isEqualTo(10);
		assertThat(there.tryAcquire("10.9.8.7", "another")).isFalse();
		assertThat(limit.tryAcquire("10.9.8.8", "another")).isTrue();
	}
}
