package org.gridlink.cases;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.gridlink.jurisdiction.Organization;
import org.gridlink.jurisdiction.OrganizationViews.UnitView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Unit names by id, read through the jurisdiction module's facade (56 units in the reference district). Every case
 * view and every dispatch needs them, and reading them costs two queries, so they are kept for
 * {@link #MAX_AGE_SECONDS} seconds: a renamed unit shows its new name in case views within that time. A unit id that
 * is not in the kept list is looked up again before it is refused, so a unit created a moment ago can be dispatched
 * to at once.
 */
@Component
class UnitNames {

	static final long MAX_AGE_SECONDS = 30;

	private record Snapshot(Map<Long, String> names, long loadedAt) {
	}

	private final Organization organization;
	private final AtomicReference<@Nullable Snapshot> cache = new AtomicReference<>();

	UnitNames(Organization organization) {
		this.organization = organization;
	}

	Map<Long, String> names() {
		Snapshot snapshot = cache.get();
		if (snapshot == null || System.nanoTime() - snapshot.loadedAt() > TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS)) {
			snapshot = reload();
		}
		return snapshot.names();
	}

	boolean exists(long id) {
		return names().containsKey(id) || reload().names().containsKey(id);
	}

	private Snapshot reload() {
		Snapshot snapshot = new Snapshot(Map.copyOf(organization.allUnits().stream()
				.collect(Collectors.toMap(UnitView::id, UnitView::name))), System.nanoTime());
		cache.set(snapshot);
		return snapshot;
	}
}
