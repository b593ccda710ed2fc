package org.gridlink.supplies;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** The balance of one lot of an item in a warehouse (the sum of its ledger rows). */
public record LotBalance(long lotId, long warehouseId, String itemCode, String lot, @Nullable LocalDate expiresOn,
		long balance) {
}
