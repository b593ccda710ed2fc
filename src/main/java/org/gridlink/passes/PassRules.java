package org.gridlink.passes;

import java.util.regex.Pattern;

/** Small pure rules of passes: masking holder names and checking Chinese plate numbers. */
final class PassRules {

	/**
	 * A plate of the GA 36 formats: province abbreviation, issuing authority letter (not I or O), then five letters
	 * or digits (the last may be 挂 学 警 港 澳), or a new-energy plate of six (D/F + letter or digit + four digits, or
	 * five digits + D/F).
	 */
	private static final Pattern PLATE = Pattern.compile("[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]"
			+ "[A-HJ-NP-Z](?:[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]|[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF])");

	private PassRules() {
	}

	/** The plate in upper case without spaces or the middle dot; not checked. */
	static String normalisePlate(String plate) {
		return plate.strip().replace(" ", "").replace("·", "").replace("•", "").replace("-", "")
				.toUpperCase(java.util.Locale.ROOT);
	}

	static boolean validPlate(String normalised) {
		return PLATE.matcher(normalised).matches();
	}

}
