package org.gridlink.supplies;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** An item's stock in one warehouse: the total, the minimum level and whether it is below it, the lots first-expiry-first. */
public record ItemStock(String itemCode, long balance, @Nullable Long minimum, boolean low, List<LotBalance> lots) {
}
