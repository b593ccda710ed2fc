package org.gridlink.quarantine;

import java.time.OffsetDateTime;

/**
 * A person was ordered into quarantine (home or centralized) in the grid {@code gridCode}; published in the order's
 * transaction. Consumed by the command center (people in quarantine per jurisdiction and day).
 */
@org.springframework.modulith.NamedInterface("api")
public record QuarantineOrdered(long orderId, String gridCode, String type, OffsetDateTime orderedAt) {
}
