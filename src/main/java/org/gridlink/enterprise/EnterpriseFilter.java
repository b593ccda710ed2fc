package org.gridlink.enterprise;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the registry list: a place (street, community or grid code; its subtree), a GB/T 4754 section letter,
 * the key-enterprise flag, a text matched against the name and the credit code, and "without a contact phone".
 */
public record EnterpriseFilter(@Nullable String place, @Nullable String industry, @Nullable Boolean key,
		@Nullable String q, boolean noPhone) {

	public static EnterpriseFilter none() {
		return new EnterpriseFilter(null, null, null, null, false);
	}
}
