package org.gridlink.quarantine.web;

import java.time.Clock;
import java.time.Duration;

import org.gridlink.platform.AttemptLimit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public check-in page's brake: at most {@code gridlink.quarantine.checkin.public-limit} (default 10) check-ins
 * or unknown links per client address and per session in {@code gridlink.quarantine.checkin.public-window} (default
 * 10 minutes), counted in memory on this instance ({@link AttemptLimit}), as the residents' report page does. A person
 * checks in once or twice a day; a script trying links or flooding one runs into it.
 */
@Component
public class CheckInLimit {

	private final AttemptLimit attempts;

	@Autowired
	CheckInLimit(@Value("${gridlink.quarantine.checkin.public-limit:10}") int limit,
			@Value("${gridlink.quarantine.checkin.public-window:PT10M}") Duration window) {
		this(limit, window, Clock.systemUTC());
	}

	CheckInLimit(int limit, Duration window, Clock clock) {
		this.attempts = new AttemptLimit(limit, window, clock);
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
