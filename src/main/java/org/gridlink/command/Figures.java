package org.gridlink.command;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The headline figures of one jurisdiction on one day. Flows ({@code casesReported}, {@code casesClosed}) count
 * that day; stocks ({@code casesOpen}, {@code casesOverdue}, {@code inQuarantine}) stand at the end of it.
 * {@code onTimeRate}: the share (0–100) of the day's closures within their time limit, null without closures. A
 * {@code screened}/{@code screeningTotal}: households of the running campaigns; {@code bedsFree}, {@code passesValid}
 * now (today) or at the last resync of that day; {@code scansToday}: the day's scans; {@code alertsOpen}: see
 * docs/command.md.
 */
public record Figures(long casesReported, long casesClosed, long casesOpen, long casesOverdue,
		@Nullable Double onTimeRate, @Nullable Long screened, @Nullable Long screeningTotal, long inQuarantine,
		@Nullable Long bedsFree, @Nullable Long passesValid, @Nullable Long scansToday, @Nullable Long alertsOpen) {

	static Figures of(Map<Measure, Long> flows, Map<Measure, Long> stocks) {
		long closed = flows.getOrDefault(Measure.CLOSED, 0L);
		Double rate = closed == 0 ? null
				: Math.round(1000.0 * flows.getOrDefault(Measure.CLOSED_ON_TIME, 0L) / closed) / 10.0;
		return new Figures(flows.getOrDefault(Measure.REPORTED, 0L), closed, stocks.getOrDefault(Measure.OPEN, 0L),
				stocks.getOrDefault(Measure.OVERDUE, 0L), rate, stocks.getOrDefault(Measure.SCREENED, 0L),
				stocks.getOrDefault(Measure.SCREENING_TOTAL, 0L), stocks.getOrDefault(Measure.QUARANTINED, 0L),
				stocks.getOrDefault(Measure.BEDS_FREE, 0L), stocks.getOrDefault(Measure.PASSES_VALID, 0L),
				flows.getOrDefault(Measure.SCANS, 0L), stocks.getOrDefault(Measure.ALERTS_OPEN, 0L));
	}

	/** This day's figures less the day before's (a rate's change in points; null where either is null). */
	Figures minus(Figures before) {
		return new Figures(casesReported - before.casesReported, casesClosed - before.casesClosed,
				casesOpen - before.casesOpen, casesOverdue - before.casesOverdue,
				onTimeRate == null || before.onTimeRate == null ? null
						: Math.round((onTimeRate - before.onTimeRate) * 10) / 10.0,
				minus(screened, before.screened), minus(screeningTotal, before.screeningTotal),
				inQuarantine - before.inQuarantine, minus(bedsFree, before.bedsFree),
				minus(passesValid, before.passesValid), minus(scansToday, before.scansToday),
				minus(alertsOpen, before.alertsOpen));
	}

	private static @Nullable Long minus(@Nullable Long a, @Nullable Long b) {
		return a == null || b == null ? null : a - b;
	}
}
