package org.gridlink.supplies;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A community's request: the community's code, the items and quantities, the reason. */
public record NewSupplyRequest(@Nullable String jurisdictionCode, @Nullable List<LineInput> lines,
		@Nullable String reason) {
}
