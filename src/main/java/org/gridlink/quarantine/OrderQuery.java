package org.gridlink.quarantine;

import org.jspecify.annotations.Nullable;

/** Filters of the orders list. */
public record OrderQuery(@Nullable OrderStatus status, @Nullable OrderType type, @Nullable Long siteId,
		@Nullable String jurisdiction) {

	public static OrderQuery active() {
		return new OrderQuery(OrderStatus.ACTIVE, null, null, null);
	}
}
