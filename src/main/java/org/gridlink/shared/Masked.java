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
}
