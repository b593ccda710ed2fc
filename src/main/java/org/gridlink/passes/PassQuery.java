package org.gridlink.passes;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the staff's pass list, all optional: type, status ({@link PassStatus}), a zone (passes with a zone in
 * that jurisdiction's subtree), the issuing user, and text found in the plate or the masked holder name.
 */
public record PassQuery(@Nullable PassType type, @Nullable PassStatus status, @Nullable String zone,
		@Nullable String issuedBy, @Nullable String q) {

	public static PassQuery all() {
		return new PassQuery(null, null, null, null, null);
	}
}
