package org.gridlink.supplies;

import org.jspecify.annotations.Nullable;

/** A line of a request: requested, then approved (at most requested), shipped (at most approved), received. */
public record RequestLine(String itemCode, long requested, @Nullable Long approved, @Nullable Long shipped,
		@Nullable Long received) {

	/** What is still missing: requested less received (all of it while nothing arrived). */
	public long shortfall() {
		return requested - (received == null ? 0 : received);
	}
}
