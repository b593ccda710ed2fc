package org.gridlink.command;

/**
 * What the read model counts. A flow counts what happened on a day; a stock stores the day's change, and its value
 * at a day is the sum of the changes up to that day.
 */
enum Measure {
	REPORTED(false), CLOSED(false), CLOSED_ON_TIME(false), OPEN(true), OVERDUE(true), QUARANTINED(true);

	final boolean stock;

	Measure(boolean stock) {
		this.stock = stock;
	}
}
