package org.gridlink.cases.web;

import java.time.Clock;
import java.time.Duration;

import org.gridlink.platform.AttemptLimit;
import org.gridlink.platform.AttemptLimits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code gridlink.cases.public-report.limit} reports (default 5) per client address and per session in
 * {@code gridlink.cases.public-report.window} (default 10 minutes), counted in the database and so shared by every
 * instance ({@link AttemptLimit}).
 */
@Component
class PublicReportLimit {

	static final String NAME = "cases.public-report";

	private final AttemptLimit attempts;

	@Autowired
	PublicReportLimit(AttemptLimits limits, @Value("${gridlink.cases.public-report.limit:5}") int limit,
			@Value("${gridlink.cases.public-report.window:PT10M}") Duration window) {
		this.attempts = limits.limit(NAME, limit, window);
	}

	/** A limit of its own name counted by {@code clock} (tests). */
	PublicReportLimit(AttemptLimits limits, String name, int limit, Duration window, Clock clock) {
		this.attempts = limits.limit(name, limit, window, clock);
	}

	/** True when another report from this address and session is allowed now; it is then counted. */
	boolean tryAcquire(String address, String session) {
		return attempts.tryAcquire(address, session);
	}
}
