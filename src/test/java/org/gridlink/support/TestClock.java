package org.gridlink.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the real time plus an offset a test can move ({@link #advance}) and must put back
 * ({@link #reset}, e.g. in {@code @AfterEach}), so time-dependent rules are tested by moving time, not by rewriting
 * rows. Registered for every application context of the suite by {@link Config}.
 */
public final class TestClock extends Clock {

	private final ZoneId zone;
	private final AtomicReference<Duration> offset;

	private TestClock(ZoneId zone, AtomicReference<Duration> offset) {
		this.zone = zone;
		this.offset = offset;
	}

	public static TestClock of(ZoneId zone) {
		return new TestClock(zone, new AtomicReference<>(Duration.ZERO));
	}

	/** Moves the clock forward (or back, with a negative duration). */
	public void advance(Duration by) {
		offset.accumulateAndGet(by, Duration::plus);
	}

	/** Back to the real time. */
	public void reset() {
		offset.set(Duration.ZERO);
	}

	/**
	 * Moves the clock out of the night of its zone (22:00–07:00, the quiet hours of non-urgent SMS) to 10:00 the same
	 * morning or the next: tests that send SMS pass whenever the suite runs. A no-op in the daytime.
	 */
	public void toDaytime() {
		ZonedDateTime now = ZonedDateTime.now(this);
		if (now.getHour() >= 7 && now.getHour() < 22) {
			return;
		}
		ZonedDateTime ten = (now.getHour() >= 22 ? now.plusDays(1) : now).withHour(10).withMinute(0).withSecond(0)
				.withNano(0);
		advance(Duration.between(now, ten));
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		return new TestClock(other, offset);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset.get());
	}

	/** The test clock as the application's {@link Clock} (picked up by component scanning of the test classpath). */
	@Configuration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		TestClock testClock() {
			return TestClock.of(ZoneId.of("Asia/Shanghai"));
		}
	}
}
