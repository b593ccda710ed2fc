package org.gridlink.enterprise.appeals;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The green channel's settings: the limits of its steps in minutes, the minor classes whose appeals go through it for
 * every enterprise (key enterprises' appeals always do), and the supervisor's account ({@code supervisorUsername};
 * empty: the configured default).
 */
public record GreenChannelSettings(int respondMinutes, int planMinutes, int closeMinutes, Set<String> categories,
		@Nullable String supervisorUsername) {

	public AppealClock.Limits limits() {
		return new AppealClock.Limits(respondMinutes, planMinutes, closeMinutes);
	}
}
