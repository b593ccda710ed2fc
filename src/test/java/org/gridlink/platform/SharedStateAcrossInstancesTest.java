package org.gridlink.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.gridlink.support.Concurrently;
import org.gridlink.support.OtherInstance;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application contexts on one database stand for two instances: a job slot is claimed by exactly one of them,
 * and a version bumped on one is seen by the other's watch within its interval.
 */
@WebTest
class SharedStateAcrossInstancesTest {

	@Autowired
	JobClaims claims;

	@Autowired
	SharedVersions versions;

	@Autowired
	Environment environment;

	@Test
	void aSlotIsClaimedOnceAcrossInstancesAndTheNextSlotIsFreeAgain() throws Exception {
		JobClaims there = OtherInstance.of(environment).getBean(JobClaims.class);
		assertThat(there.instanceId()).isNotEqualTo(claims.instanceId());
		String job = "test.claims." + System.nanoTime();
		Duration every = Duration.ofMinutes(5);
		Instant at = Instant.parse("2033-01-01T08:03:00Z");

		List<Boolean> won = Concurrently.run(() -> claims.claim(job, every, at), () -> there.claim(job, every, at),
				() -> claims.claim(job, every, at.plusSeconds(60)), () -> there.claim(job, every, at.plusSeconds(90)));
		assertThat(won).containsOnlyOnce(true);
		assertThat(claims.claimedBy(job, every, at)).get().isIn(claims.instanceId(), there.instanceId());
		assertThat(JobClaims.slot(at, every)).isEqualTo(Instant.parse("2033-01-01T08:00:00Z"));

		assertThat(there.claim(job, every, at.plus(every))).as("the next slot").isTrue();
		assertThat(claims.claim(job, every, at.plus(every))).isFalse();
	}

	@Test
	void aVersionBumpedOnOneInstanceIsSeenByTheOther() {
		SharedVersions thereVersions = OtherInstance.of(environment).getBean(SharedVersions.class);
		String name = "test.version." + System.nanoTime();
		SharedVersions.Watch there = thereVersions.watch(name, Duration.ofMillis(100));
		assertThat(there.changed()).as("the first look").isFalse();
		assertThat(there.changed()).isFalse();

		versions.bump(name);
		assertThat(versions.read(name)).isEqualTo(1);
		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(there::changed);
		assertThat(there.changed()).as("seen once").isFalse();
	}
}
