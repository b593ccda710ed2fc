package org.gridlink.enterprise.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Money of the relief ledger: integer fen, shown as CNY with two decimals and thousands separators (¥1,234,567.89). */
public final class Fen {

	/** A hundred billion yuan: more than any relief a district records; guards against typing slips and overflow. */
	public static final long MAX = 100_000_000_000_00L;

	private Fen() {
	}

	public static String cny(long fen) {
		String sign = fen < 0 ? "-" : "";
		long abs = Math.abs(fen);
		return sign + String.format(Locale.ROOT, "¥%,d.%02d", abs / 100, abs % 100);
	}

	/** Yuan as typed on a page ("12,345.6", "¥100") to fen; blank, negative, zero, more than two decimals: 400. */
	public static long parseYuan(String field, @Nullable String typed) {
		String text = typed == null ? "" : typed.strip().replace(",", "").replace("，", "").replace("¥", "")
				.replace("￥", "");
		if (text.isEmpty()) {
			throw new InvalidInputException("support.field.required", field);
		}
		BigDecimal yuan;
		try {
			yuan = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("support.field.amount", field);
		}
		if (yuan.scale() > 2 || yuan.signum() <= 0) {
			throw new InvalidInputException("support.field.amount", field);
		}
		BigDecimal fen = yuan.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY);
		if (fen.compareTo(BigDecimal.valueOf(MAX)) > 0) {
			throw new InvalidInputException("support.field.amount", field);
		}
		return fen.longValueExact();
	}

	/** Fen as given by an API client: present, positive, at most {@link #MAX}. */
	public static long check(String field, @Nullable Long fen) {
		if (fen == null) {
			throw new InvalidInputException("support.field.required", field);
		}
		if (fen <= 0 || fen > MAX) {
			throw new InvalidInputException("support.field.amount", field);
		}
		return fen;
	}
}
