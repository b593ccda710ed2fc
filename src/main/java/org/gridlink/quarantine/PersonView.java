package org.gridlink.quarantine;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A person under contact tracing: ID number and phone always masked. {@code residentId} is set for a registered
 * resident. {@code quarantine} is ACTIVE while an order runs, RELEASED after the last one ended, NONE before any;
 * {@code activeOrderId} is the running order.
 */
public record PersonView(long id, @Nullable Long residentId, String name, String nameMasked, IdKind idKind,
		String idNumber, @Nullable String phone, String gridCode, String address, OffsetDateTime createdAt,
		String quarantine, @Nullable Long activeOrderId) {
}
