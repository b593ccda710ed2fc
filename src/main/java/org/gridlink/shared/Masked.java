package org.gridlink.shared;

/** Masking rules for personal data shown on screen, in the API and in exports. */
public final class Masked {

	private Masked() {
	}

	/** {@code 320803199001011234} → {@code 320803********1234}. */
	public static String idNumber(String value) {
		if (value == null || value.length() < 10) {
			return value == null ? "" : "*".repeat(value.length());
		}
		return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
	}

	/** {@code 13812345678} → {@code 138****5678}. */
	public static String phone(String value) {
		if (value == null || value.length() < 7) {
			return value == null ? "" : "*".repeat(value.length());
		}
		return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
	}

	/**
	 * A name shown where the full name is not needed (public pages, boards, volunteers on shifts): the first and last
	 * character kept, the rest starred — {@code 张三} → {@code 张*}, {@code 李小明} → {@code 李*明},
	 * {@code 欧阳娜娜} → {@code 欧**娜}; a one-character name is {@code *}.
	 */
	public static String name(String value) {
		int[] chars = value == null ? new int[0] : value.strip().codePoints().toArray();
		if (chars.length <= 1) {
			return "*";
		}
		StringBuilder out = new StringBuilder().appendCodePoint(chars[0]);
		if (chars.length == 2) {
			return out.append('*').toString();
		}
		return out.append("*".repeat(chars.length - 2)).appendCodePoint(chars[chars.length - 1]).toString();
	}
}
