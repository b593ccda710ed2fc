package org.gridlink.housing.choice;

import java.math.BigDecimal;
import java.util.Locale;

/** Money in integer fen shown as CNY with two decimals (¥182,000.00); areas with two decimals. */
public final class Fen {

	private Fen() {
	}

	public static String yuan(long fen) {
		String sign = fen < 0 ? "-" : "";
		long abs = Math.abs(fen);
		return String.format(Locale.ROOT, "%s¥%,d.%02d", sign, abs / 100, abs % 100);
	}

	public static String area(BigDecimal squareMetres) {
		return squareMetres.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " m²";
	}
}
