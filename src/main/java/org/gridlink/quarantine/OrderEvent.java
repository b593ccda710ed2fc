package org.gridlink.quarantine;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One step in an order's history: ORDERED, ADMITTED, EXTENDED, TRANSFERRED, DISCHARGED, RELEASED. */
public record OrderEvent(long id, String action, @Nullable Long siteId, String detail, String reason, String actor,
		OffsetDateTime at) {
}
