package org.gridlink.enterprise.appeals;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A filed appeal: its id, the case it opened, whether it goes through the green channel, and the deadlines of its
 * steps ({@code deadlineAt}: closing; {@code respondBy}, {@code planBy}: the earlier steps).
 */
public record AppealFiled(long appealId, long caseId, @Nullable String caseNumber, boolean greenChannel,
		OffsetDateTime deadlineAt, OffsetDateTime respondBy, OffsetDateTime planBy) {
}
