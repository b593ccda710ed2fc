package org.gridlink.platform.replica;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The routing rule, without any state (unit-tested by RouteDecisionTest):
 * <ol>
 * <li>only a read-only transaction of a page request ({@link RequestReads}) may read the replica; every other
 * connection (writes, schedulers, event listeners, start-up, Flyway) is the primary's;</li>
 * <li>a request that changes something (POST, PUT, PATCH, DELETE), a request after a write transaction in it, and
 * every request of a session within {@code readYourWrites} of its last write read the primary (read-your-writes);</li>
 * <li>a replica that is down, not in recovery, or whose lag is unknown or over {@code maxLag} is not used
 * (fallback to the primary).</li>
 * </ol>
 */
public final class RouteDecision {

	private RouteDecision() {
	}

	public static Route decide(boolean readOnly, RequestReads.@Nullable Context request, ReplicaStatus replica, Instant now,
			Duration maxLag, Duration readYourWrites) {
		if (!readOnly || request == null) {
			return Route.WRITE;
		}
		if (request.writing()) {
			return Route.PRIMARY;
		}
		Instant lastWrite = request.lastWrite();
		if (lastWrite != null && now.isBefore(lastWrite.plus(readYourWrites))) {
			return Route.PRIMARY;
		}
		return replica.within(maxLag) ? Route.REPLICA : Route.FALLBACK;
	}
}
