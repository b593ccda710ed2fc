package org.gridlink.platform.replica;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the last check of the replica found: whether it answered and is a replica, how far its replay is behind the
 * primary ({@code null} when it could not be measured) and, if not usable, why.
 */
public record ReplicaStatus(boolean up, @Nullable Duration lag, @Nullable String problem, Instant checkedAt) {

	public static ReplicaStatus usable(Duration lag, Instant at) {
		return new ReplicaStatus(true, lag, null, at);
	}

	public static ReplicaStatus down(String problem, Instant at) {
		return new ReplicaStatus(false, null, problem, at);
	}

	/** Up and measured no further behind than {@code maxLag}. */
	public boolean within(Duration maxLag) {
		return up && lag != null && lag.compareTo(maxLag) <= 0;
	}
}
