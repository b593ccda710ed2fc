package org.gridlink.platform;

import java.security.SecureRandom;

/**
 * A temporary password an admin hands to a user after a reset: 14 characters from an alphabet without look-alikes
 * (no 0/O, 1/l/I), in groups of four easy to read aloud, about 80 bits of randomness. It passes the
 * {@link PasswordPolicy} and must be changed at the next login.
 */
final class TemporaryPassword {

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private TemporaryPassword() {
	}

	static String generate() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			if (i > 0 && i % 4 == 0) {
				text.append('-');
			}
			text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}
}
