package org.gridlink.supplies;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A first-expiry-first-out suggestion: take {@code quantity} from lot {@code lot}. */
public record Pick(String itemCode, String lot, @Nullable LocalDate expiresOn, long quantity) {
}
