package org.gridlink.cases;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A case's time limit in working time. The clock starts at dispatch with {@code limitMinutes}; every pause (a request
 * awaiting approval, deferred, parked, waiting for verification) adds the working time it lasted, so the deadline is
 * simply {@code start + limit + paused} in working time and 80 % of the limit gives the warning.
 */
record CaseClock(OffsetDateTime startedAt, long limitMinutes, long pausedMinutes, @Nullable OffsetDateTime pausedSince) {

	static final double WARNING_SHARE = 0.8;

	OffsetDateTime deadline(WorkingCalendar calendar) {
		return calendar.plus(startedAt, limitMinutes + pausedMinutes);
	}

	OffsetDateTime warning(WorkingCalendar calendar) {
		return calendar.plus(startedAt, Math.round(limitMinutes * WARNING_SHARE) + pausedMinutes);
	}

	boolean running() {
		return pausedSince == null;
	}

	CaseClock pause(OffsetDateTime at) {
		return pausedSince != null ? this : new CaseClock(startedAt, limitMinutes, pausedMinutes, at);
	}

	CaseClock resume(OffsetDateTime at, WorkingCalendar calendar) {
		if (pausedSince == null) {
			return this;
		}
		return new CaseClock(startedAt, limitMinutes, pausedMinutes + calendar.minutesBetween(pausedSince, at), null);
	}

	CaseClock extend(long minutes) {
		return new CaseClock(startedAt, limitMinutes + minutes, pausedMinutes, pausedSince);
	}

	/** Working minutes used so far (not counting pauses). */
	long used(OffsetDateTime now, WorkingCalendar calendar) {
		OffsetDateTime until = pausedSince != null && pausedSince.isBefore(now) ? pausedSince : now;
		return Math.max(0, calendar.minutesBetween(startedAt, until) - pausedMinutes);
	}
}
