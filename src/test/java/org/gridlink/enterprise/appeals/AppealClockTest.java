package org.gridlink.enterprise.appeals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The appeal clock's pure rules, expected values written out. */
class AppealClockTest {

	static final OffsetDateTime FILED = OffsetDateTime.of(2026, 6, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));

	@Test
	void keyEnterprisesAndConfiguredClassesGoThroughTheGreenChannel() {
		Set<String> configured = Set.of("S0701", "S0704");
		assertThat(AppealClock.green(true, "S0702", configured)).isTrue();
		assertThat(AppealClock.green(false, "S0701", configured)).isTrue();
		assertThat(AppealClock.green(false, "S0704", configured)).isTrue();
		assertThat(AppealClock.green(false, "S0702", configured)).isFalse();
		assertThat(AppealClock.green(false, "S0701", Set.of())).isFalse();
	}

	@Test
	void deadlinesOfTheProvincialDefaults() {
		AppealClock.Deadlines due = AppealClock.deadlines(FILED, new AppealClock.Limits(60, 1440, 10080));
		assertThat(due.respond()).isEqualTo(OffsetDateTime.of(2026, 6, 1, 11, 0, 0, 0, ZoneOffset.ofHours(8)));
		assertThat(due.plan()).isEqualTo(OffsetDateTime.of(2026, 6, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8)));
		assertThat(due.close()).isEqualTo(OffsetDateTime.of(2026, 6, 8, 10, 0, 0, 0, ZoneOffset.ofHours(8)));
	}

	@Test
	void limitsMustBePositiveAndNotDecreasing() {
		assertThatThrownBy(() -> new AppealClock.Limits(0, 10, 20)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new AppealClock.Limits(60, 30, 100)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new AppealClock.Limits(60, 120, 100)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void metOnTheDeadlineMissedAfterIt() {
		OffsetDateTime due = FILED.plusMinutes(60);
		assertThat(AppealClock.met(due, due)).isTrue();
		assertThat(AppealClock.met(due.plusSeconds(1), due)).isFalse();
		assertThat(AppealClock.met(null, due)).isFalse();
		assertThat(AppealClock.missed(null, due, due)).isFalse();
		assertThat(AppealClock.missed(null, due, due.plusMinutes(1))).isTrue();
		assertThat(AppealClock.missed(due.plusMinutes(1), due, due)).isTrue();
		assertThat(AppealClock.missed(due.minusMinutes(1), due, due.plusDays(1))).isFalse();
	}

	@Test
	void theCurrentStep() {
		assertThat(AppealClock.current(null, null, null)).isEqualTo(AppealStep.RESPOND);
		assertThat(AppealClock.current(FILED, null, null)).isEqualTo(AppealStep.PLAN);
		assertThat(AppealClock.current(FILED, FILED, null)).isEqualTo(AppealStep.CLOSE);
		assertThat(AppealClock.current(FILED, FILED, FILED)).isNull();
	}
}
