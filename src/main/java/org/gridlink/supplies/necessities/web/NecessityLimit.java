package org.gridlink.supplies.necessities.web;

import java.time.Duration;

import org.gridlink.platform.AttemptLimit;
import org.gridlink.platform.AttemptLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public ordering page's brake: at most {@code gridlink.necessities.public-limit} (default 20) orders or unknown
 * links per client address and session in {@code gridlink.necessities.public-window} (default 10 minutes), counted in
 * the database shared by every instance, as the check-in page does.
 */
@Component
public class NecessityLimit {

	private final AttemptLimit attempts;

	NecessityLimit(AttemptLimits limits, @Value("${gridlink.necessities.public-limit:20}") int limit,
			@Value("${gridlink.necessities.public-window:PT10M}") Duration window) {
		this.attempts = limits.limit("necessities.order", limit, window);
	}

	public boolean tryAcquire(String address, String session) {
		return attempts.tryAcquire(address, session);
	}

	/** Forgets every count (tests). */
	public void reset() {
		attempts.reset();
	}
}
