package org.gridlink.supplies;

import org.jspecify.annotations.Nullable;

/**
 * A warehouse of the reserves: its level (DISTRICT, STREET, COMMUNITY), the jurisdiction it belongs to and, when a
 * unit keeps it, that unit.
 */
public record Warehouse(long id, String name, String level, String jurisdictionCode, @Nullable Long unitId,
		@Nullable String address, boolean active) {
}
