package org.gridlink.quarantine;

import java.util.List;

/**
 * What the public check-in page shows for a valid link: the person's masked name, the days left until the planned
 * end (0 on the last day), whether a check-in was already made today, and the symptom codes to tick. Nothing else.
 */
public record PublicCheckIn(String maskedName, long daysLeft, boolean checkedInToday, List<String> symptoms) {
}
