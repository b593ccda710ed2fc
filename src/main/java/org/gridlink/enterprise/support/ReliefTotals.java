package org.gridlink.enterprise.support;

import java.util.List;

/**
 * The relief in a user's scope summed three ways: per type, per street (from the grid code), per industry section; each
 * line with the number of grants and the fen. Every way adds up to {@link #fen}.
 */
public record ReliefTotals(List<Line> byType, List<Line> byStreet, List<Line> byIndustry, long count, long fen) {

	/** {@code key} is the type's name, the street's 12-digit code or the industry letter ({@code -} for none). */
	public record Line(String key, long count, long fen) {

		public String amount() {
			return Fen.cny(fen);
		}
	}

	public String amount() {
		return Fen.cny(fen);
	}
}
