package org.gridlink.quarantine;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The monitoring of one quarantine order as staff in scope see it: the order (masked name, grid, dates), whether a
 * check-in is due today and was made, the current link (when issued, until when; never the token), the check-ins
 * (newest first) and the alerts.
 */
public record OrderMonitoring(long orderId, String maskedName, String gridCode, String type, String status,
		LocalDate startDate, LocalDate plannedEnd, boolean monitoredToday, boolean checkedInToday,
		CheckInLinks.@Nullable LinkInfo link, List<CheckInView> checkIns, List<QuarantineAlerts.AlertView> alerts) {
}
