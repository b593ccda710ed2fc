package org.gridlink.cases;

import java.util.List;

/**
 * Counts of one period (a day of the daily digest) over the cases located in the reader's scope, figures only:
 * {@code reported} concerns, by major class ({@code byCategory}, name in the reader's language) and by channel
 * ({@code bySource}, the {@link CaseSource} name as code); {@code answered}: cases closed in the period or answered
 * with a public answer in it (each case once); {@code openOfThePeriod}: cases reported in the period that are still
 * open now (not closed, evaluated, rejected, voided or merged); {@code openNow}: every open case of the scope now.
 */
@org.springframework.modulith.NamedInterface("api")
public record CaseDayCounts(long reported, List<Count> byCategory, List<Count> bySource, long answered,
		long openOfThePeriod, long openNow) {

	/** One line: a code, its name (the major class's; for sources the code again) and the count. */
	@org.springframework.modulith.NamedInterface("api")
	public record Count(String code, String name, long count) {
	}
}
