package org.gridlink.quarantine;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A quarantine order with its person (full name for staff in scope, masked name for public pages and boards; no ID
 * number or phone), the person's grid, and for a centralized order the site, room and bed. {@code version} goes back
 * with an action so a stale page is told to reload.
 */
public record OrderView(long id, long personId, @Nullable Long residentId, String personName,
		String personNameMasked, String gridCode, OrderType type, @Nullable Long siteId, @Nullable String siteName,
		@Nullable Long roomId, @Nullable String roomNumber, @Nullable Long bedId, @Nullable String bedLabel,
		LocalDate lastExposure, LocalDate startDate, LocalDate plannedEnd, OrderStatus status,
		@Nullable ReleaseKind releaseKind, @Nullable String releaseReason, @Nullable OffsetDateTime releasedAt,
		@Nullable String releasedBy, String createdBy, OffsetDateTime createdAt, int version) {

	/** Whole days left until the planned end (0 on the last day, negative when overdue for release). */
	public long daysLeft(LocalDate today) {
		return java.time.temporal.ChronoUnit.DAYS.between(today, plannedEnd);
	}
}
