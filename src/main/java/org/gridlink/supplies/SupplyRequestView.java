package org.gridlink.supplies;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A request with its lines and who did each step when; {@code stepDueAt} the time limit of the step now due. */
public record SupplyRequestView(long id, String jurisdictionCode, String streetCode, String reason,
		RequestStatus status, @Nullable Long warehouseId, String requestedBy, OffsetDateTime requestedAt,
		@Nullable String approvedBy, @Nullable OffsetDateTime approvedAt, @Nullable String allocatedBy,
		@Nullable OffsetDateTime allocatedAt, @Nullable String shippedBy, @Nullable OffsetDateTime shippedAt,
		@Nullable String receivedBy, @Nullable OffsetDateTime receivedAt, @Nullable String note,
		@Nullable OffsetDateTime stepDueAt, boolean overdue, int version, List<RequestLine> lines) {
}
