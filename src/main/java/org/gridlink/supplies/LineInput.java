package org.gridlink.supplies;

import org.jspecify.annotations.Nullable;

/** One line of a request or a step: an item and a quantity (ship: optionally the lot to take it from). */
public record LineInput(@Nullable String itemCode, @Nullable Long quantity, @Nullable String lot) {
}
