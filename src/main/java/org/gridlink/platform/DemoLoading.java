package org.gridlink.platform;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The first load of the demo district as the rest of the application sees it. A demo step that finds something to
 * load reports {@link #start} before and {@link #finish} after (the district and the residents, the long ones). From
 * the first start until every started step has finished and the application has started, the demo is loading: the
 * start-up runners run one after the other, so the later steps (cases, checkpoints, quarantine) are covered without
 * reporting. Meanwhile this health indicator, part of the readiness group, says OUT_OF_SERVICE
 * ({@code /actuator/health/readiness} and {@code /actuator/health} answer 503, liveness stays UP) and the login page
 * says the demo district is loading.
 */
@Component("demoLoading")
@NamedInterface("api")
public class DemoLoading implements HealthIndicator {

	private final Set<String> running = ConcurrentHashMap.newKeySet();
	private volatile boolean begun;
	private volatile boolean applicationStarted;

	/** {@code step} (a name for the logs, e.g. "residents") begins to load demo rows. */
	public void start(String step) {
		begun = true;
		running.add(step);
	}

	/** {@code step} has loaded its demo rows. */
	public void finish(String step) {
		running.remove(step);
	}

	public boolean isLoading() {
		return !running.isEmpty() || begun && !applicationStarted;
	}

	@EventListener(ApplicationReadyEvent.class)
	void applicationStarted() {
		applicationStarted = true;
	}

	@Override
	public Health health() {
		return isLoading() ? Health.outOfService().withDetail("demo", "loading").build() : Health.up().build();
	}
}
