package org.gridlink.answers;

import java.time.LocalDate;
import java.util.List;

import org.gridlink.cases.CaseDayCounts;

/**
 * The center's daily digest of one day (district time): the concerns (cases) reported that day by theme (major
 * class) and channel (source), how many cases were answered (closed, or answered with a public answer) that day,
 * how many of the day's concerns are still open and how many are open in all, and the public answers published that
 * day. Figures only, over the reader's jurisdiction scope. The command center's daily summary reuses it.
 */
@org.springframework.modulith.NamedInterface("api")
public record DailyDigest(LocalDate day, long concerns, List<CaseDayCounts.Count> byTheme,
		List<CaseDayCounts.Count> byChannel, long answered, long openOfTheDay, long openNow, long answersPublished) {
}
