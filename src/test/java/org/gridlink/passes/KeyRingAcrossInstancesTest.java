package org.gridlink.passes;

import java.time.Duration;

import org.gridlink.passes.token.PassAlgorithm;
import org.gridlink.support.OtherInstance;
import org.gridlink.support.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application contexts on one database stand for two instances: a pass key made on one is trusted by the other,
 * and a key withdrawn on one is no longer trusted by the other within about a second (the shared key version), not
 * only at the next periodic refresh.
 */
@WebTest
class KeyRingAcrossInstancesTest {

	@Autowired
	KeyRing keys;

	@Autowired
	Environment environment;

	@Test
	void aWithdrawnKeyIsDistrustedOnTheOtherInstanceWithinASecondOrSo() {
		KeyRing there = OtherInstance.of(environment).getBean(KeyRing.class);
		assertThat(there.trustedSpki()).isNotEmpty(); // loaded before the change

		String kid = keys.rotate(PassAlgorithm.SM2_SM3);
		assertThat(keys.trustedSpki()).containsKey(kid);
		await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(20))
			.until(() -> there.trustedSpki().containsKey(kid));

		assertThat(keys.withdraw(kid, "test", "leaked in a test")).isTrue();
		assertThat(keys.trustedSpki()).doesNotContainKey(kid);
		await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(20))
			.until(() -> !there.trustedSpki().containsKey(kid));
		assertThat(there.signing(PassAlgorithm.SM2_SM3)).as("a new signing key for the algorithm").isNotNull();
	}
}
