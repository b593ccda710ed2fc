package org.gridlink.command;

/**
 * What the read model counts. A flow counts what happened on a day; a stock stores the day's change, and its value
 * at a day is the sum of the changes up to that day.
 */
enum Measure {
	REPORTED(false), CLOSED(false), CLOSED_ON_TIME(false), OPEN(true), OVERDUE(true), QUARANTINED(true),
	/** Alerts of quarantine monitoring whose case is not closed (an alert without a case yet is open). */
	ALERTS_OPEN(true),
	/** Gauges ({@link Gauges}): kept by resyncs from the modules' facts; a rebuild keeps their history. */
	SCREENED(true, true), SCREENING_TOTAL(true, true), BEDS_FREE(true, true), PASSES_VALID(true, true),
	SCANS(false, true);

	final boolean stock;

	final boolean gauge;

	Measure(boolean stock) {
		this(stock, false);
	}

	Measure(boolean stock, boolean gauge) {
		this.stock = stock;
		this.gauge = gauge;
	}
}
