package org.gridlink.quarantine.web;

import java.time.Duration;

import org.gridlink.platform.AttemptLimit;
import org.gridlink.platform.AttemptLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public check-in page's brake: at most {@code gridlink.quarantine.checkin.public-limit} (default 10) check-ins
 * or unknown links per client address and per session in {@code gridlink.quarantine.checkin.public-window} (default
 * 10 minutes), counted in the database and so shared by every instance ({@link AttemptLimit}), as the residents'
 * report page does. A person checks in once or twice a day; a script trying links or flooding one runs into it.
 */
@Component
public class CheckInLimit {

	static final String NAME = "quarantine.checkin";

	private final AttemptLimit attempts;

	CheckInLimit(AttemptLimits limits, @Value("${gridlink.quarantine.checkin.public-limit:10}") int limit,
			@Value("${gridlink.quarantine.checkin.public-window:PT10M}") Duration window) {
		this.attempts = limits.limit(NAME, limit, window);
	}

	/** True when another attempt from this address and session is allowed now; it is then counted. */
	public boolean tryAcquire(String address, String session) {
		return attempts.tryAcquire(address, session);
	}

	/** Forgets every count (tests). */
	public void reset() {
		attempts.reset();
	}
}
