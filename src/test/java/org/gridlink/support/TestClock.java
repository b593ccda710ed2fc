package org.gridlink.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
