package org.gridlink.supplies;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One row of the stock ledger: signed quantity (+ into the lot, - out of it). A transfer writes two rows. */
public record Movement(long id, long warehouseId, String itemCode, String lot, @Nullable LocalDate expiresOn,
		String kind, long quantity, @Nullable String reason, @Nullable String transferRef, @Nullable Long requestId,
		String doneBy, OffsetDateTime doneAt) {
}
