package org.gridlink.command;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The headline figures of one jurisdiction on one day. Flows ({@code casesReported}, {@code casesClosed}) count
 * that day; stocks ({@code casesOpen}, {@code casesOverdue}, {@code inQuarantine}) stand at the end of it.
 * {@code onTimeRate}: the share (0–100) of the day's closures within their time limit, null without closures. A
 * figure whose module does not publish the events it needs yet is null (see docs/command.md).
 */
public record Figures(long casesReported, long casesClosed, long casesOpen, long casesOverdue,
		@Nullable Double onTimeRate, @Nullable Long screened, @Nullable Long screeningTotal, long inQuarantine,
		@Nullable Long bedsFree, @Nullable Long passesValid, @Nullable Long scansToday, @Nullable Long alertsOpen) {

	static Figures of(Map<Measure, Long> flows, Map<Measure, Long> stocks) {
		long closed = flows.getOrDefault(Measure.CLOSED, 0L);
		Double rate = closed == 0 ? null
				: Math.round(1000.0 * flows.getOrDefault(Measure.CLOSED_ON_TIME, 0L) / closed) / 10.0;
		return new Figures(flows.getOrDefault(Measure.REPORTED, 0L), closed, stocks.getOrDefault(Measure.OPEN, 0L),
				stocks.getOrDefault(Measure.OVERDUE, 0L), rate, null, null, stocks.getOrDefault(Measure.QUARANTINED, 0L),
				null, null, null, null);
	}

	/** This day's figures less the day before's (a rate's change in points; null where either is null). */
	Figures minus(Figures before) {
		return new Figures(casesReported - before.casesReported, casesClosed - before.casesClosed,
				casesOpen - before.casesOpen, casesOverdue - before.casesOverdue,
				onTimeRate == null || before.onTimeRate == null ? null
						: Math.round((onTimeRate - before.onTimeRate) * 10) / 10.0,
				null, null, inQuarantine - before.inQuarantine, null, null, null, null);
	}
}
