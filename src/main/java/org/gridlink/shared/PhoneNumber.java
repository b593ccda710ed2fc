package org.gridlink.shared;

import java.util.regex.Pattern;

/**
 * A phone number as residents give it: a mainland mobile number (11 digits starting 13-19) or a landline with area
 * code (0 + 2-3 digits + 7-8 digits). {@link #normalise} drops spaces, dashes, a +86/0086 prefix and makes
 * full-width digits half-width.
 */
public final class PhoneNumber {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");

	private PhoneNumber() {
	}

	public static String normalise(String raw) {
		if (raw == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(16);
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c >= '\uFF10' && c <= '\uFF19') {
				c = (char) (c - 0xFEE0);
			}
			if (c >= '0' && c <= '9') {
				out.append(c);
			}
			else if (c == '+' && out.isEmpty()) {
				continue;
			}
			else if (!(Character.isWhitespace(c) || c == '-' || c == '(' || c == ')' || c == '\u3000' || c == '（'
					|| c == '）' || c == '\uFF0D')) {
				return raw.trim(); // keep it as typed: it is invalid and the message should show it
			}
		}
		String digits = out.toString();
		if (digits.startsWith("0086") && digits.length() > 13) {
			digits = digits.substring(4);
		}
		else if (digits.startsWith("86") && digits.length() == 13) {
			digits = digits.substring(2);
		}
		return digits;
	}

	public static boolean isValid(String raw) {
		String value = normalise(raw);
		return MOBILE.matcher(value).matches() || LANDLINE.matcher(value).matches();
	}

	/** True for a mainland mobile number (11 digits starting 13-19), the only kind that receives SMS. */
	public static boolean isMobile(String raw) {
		return MOBILE.matcher(normalise(raw)).matches();
	}
}
