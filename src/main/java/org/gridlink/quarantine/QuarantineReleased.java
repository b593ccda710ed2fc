package org.gridlink.quarantine;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A person's quarantine ended: they are handed back to their grid ({@code gridCode}), whose grid worker follows them
 * from now on as any resident. {@code early} when released before the planned end (with a reason on the order).
 */
@org.springframework.modulith.NamedInterface("api")
public record QuarantineReleased(long orderId, long personId, @Nullable Long residentId, String gridCode,
		OrderType type, boolean early, OffsetDateTime releasedAt) {
}
