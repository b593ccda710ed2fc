package org.gridlink.quarantine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One check-in as staff see it: kind SELF or VISIT, the visit's result, whether it counts as the day's monitoring,
 * whether it was abnormal, and the health data (decrypted; reading it is audited).
 */
public record CheckInView(long id, long orderId, LocalDate date, String kind, @Nullable String visitResult,
		boolean counted, boolean abnormal, @Nullable BigDecimal temperature, List<String> symptoms, String note,
		String recordedBy, OffsetDateTime recordedAt) {
}
