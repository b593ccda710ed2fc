package org.gridlink.supplies;

import org.jspecify.annotations.Nullable;

/**
 * A stock movement as a page or the API sends it. {@code kind} IN, OUT, TRANSFER or ADJUST; {@code quantity} positive
 * (ADJUST: signed, not zero); {@code lot} required for IN and ADJUST, optional for OUT and TRANSFER (then the lots are
 * taken first-expiry-first); {@code expiresOn} (yyyy-MM-dd) for a new lot; {@code toWarehouseId} for a transfer;
 * {@code reason} required for ADJUST and TRANSFER.
 */
public record MovementInput(@Nullable Long warehouseId, @Nullable String itemCode, @Nullable String lot,
		@Nullable Long quantity, @Nullable String kind, @Nullable String reason, @Nullable String expiresOn,
		@Nullable Long toWarehouseId) {
}
