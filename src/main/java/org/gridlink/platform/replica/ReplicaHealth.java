package org.gridlink.platform.replica;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code replica} health detail: whether read-only pages read the replica or fall back to the primary, the lag
 * measured at the last check and the reads counted per route. Always UP: without the replica GridLink works on the
 * primary, so a replica that is down must not take instances out of the balancer.
 */
class ReplicaHealth implements HealthIndicator {

	private final ReplicaRoutingDataSource routing;

	ReplicaHealth(ReplicaRoutingDataSource routing) {
		this.routing = routing;
	}

	@Override
	public Health health() {
		ReplicaStatus status = routing.monitor().status();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reads", status.within(routing.maxLag()) ? "replica" : "primary (fallback)");
		details.put("up", status.up());
		if (status.lag() != null) {
			details.put("lagMillis", status.lag().toMillis());
		}
		details.put("maxLagMillis", routing.maxLag().toMillis());
		if (status.problem() != null) {
			details.put("problem", status.problem());
		}
		details.put("checkedAt", status.checkedAt().toString());
		for (Route route : Route.values()) {
			if (route != Route.WRITE) {
				details.put("reads." + route.tag(), routing.reads(route));
			}
		}
		return Health.up().withDetails(details).build();
	}
}
