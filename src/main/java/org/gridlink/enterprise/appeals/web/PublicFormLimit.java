package org.gridlink.enterprise.appeals.web;

import java.time.Duration;

import org.gridlink.platform.AttemptLimit;
import org.gridlink.platform.AttemptLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The brake of the public appeal page and the reception booking page: at most
 * {@code gridlink.enterprise.public-form.limit} submissions (default 5) per client address and per session in
 * {@code gridlink.enterprise.public-form.window} (default 10 minutes), counted in the database (every instance).
 */
@Component
class PublicFormLimit {

	static final String NAME = "enterprise.public-form";

	private final AttemptLimit attempts;

	PublicFormLimit(AttemptLimits limits, @Value("${gridlink.enterprise.public-form.limit:5}") int limit,
			@Value("${gridlink.enterprise.public-form.window:PT10M}") Duration window) {
		this.attempts = limits.limit(NAME, limit, window);
	}

	boolean tryAcquire(String address, String session) {
		return attempts.tryAcquire(address, session);
	}

	/** Tests: starts counting afresh. */
	void reset() {
		attempts.reset();
	}
}
