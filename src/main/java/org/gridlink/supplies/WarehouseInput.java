package org.gridlink.supplies;

import org.jspecify.annotations.Nullable;

/**
 * A warehouse as staff create or edit it: name, level (DISTRICT, STREET, COMMUNITY), the code of the jurisdiction
 * of that level it belongs to, the keeping unit (optional; only the center names one) and the address. {@code active}
 * is left as it is when null (a new warehouse is active).
 */
public record WarehouseInput(@Nullable String name, @Nullable String level, @Nullable String jurisdictionCode,
		@Nullable Long unitId, @Nullable String address, @Nullable Boolean active) {
}
