package org.gridlink.supplies;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A step of a request: the version the caller saw (optional; a different current version is a 409), the warehouse
 * (allocate), per-line quantities (approve, ship, receive; a line left out keeps the quantity of the step before)
 * and a note.
 */
public record StepInput(@Nullable Integer version, @Nullable Long warehouseId, @Nullable List<LineInput> lines,
		@Nullable String note) {
}
