package org.gridlink.supplies.necessities;

/** Prices in fen shown as yuan with two decimals (¥12.50). */
public final class Money {

	private Money() {
	}

	public static String yuan(long cents) {
		return String.format(java.util.Locale.ROOT, "¥%d.%02d", cents / 100, Math.abs(cents % 100));
	}
}
