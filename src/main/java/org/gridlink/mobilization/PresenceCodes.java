package org.gridlink.mobilization;

import java.time.LocalDate;
import java.util.Locale;

import org.gridlink.platform.PersonalDataCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A community's presence code of a day: six letters and digits (no 0/O, 1/I/L) taken from the keyed hash of the
 * community code and the date, with the server's secret of the platform's key handling
 * ({@link PersonalDataCipher#lookupHash}). Nothing is stored: the same community and day always give the same code,
 * the next day gives another, and no one can work a code out without the secret.
 */
@Component
public class PresenceCodes {

	static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
	static final int LENGTH = 6;

	private final PersonalDataCipher cipher;

	PresenceCodes(PersonalDataCipher cipher) {
		this.cipher = cipher;
	}

	public String codeFor(String communityCode, LocalDate day) {
		String hex = cipher.lookupHash("cadre-presence:" + communityCode + ":" + day);
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			int value = Integer.parseInt(hex.substring(i * 4, i * 4 + 4), 16);
			code.append(ALPHABET.charAt(value % ALPHABET.length()));
		}
		return code.toString();
	}

	/**
	 * What a cadre typed or scanned, in the form of a code (upper case, spaces and dashes dropped; a scanned link's
	 * {@code code=} parameter taken out), or null when it cannot be a code at all.
	 */
	static @Nullable String normalise(@Nullable String typed) {
		if (typed == null) {
			return null;
		}
		String text = typed.trim();
		int param = text.indexOf("code=");
		if (param >= 0) {
			text = text.substring(param + 5);
			int end = text.indexOf('&');
			text = end >= 0 ? text.substring(0, end) : text;
		}
		text = text.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
		if (text.length() != LENGTH) {
			return null;
		}
		for (char c : text.toCharArray()) {
			if (ALPHABET.indexOf(c) < 0) {
				return null;
			}
		}
		return text;
	}
}
