package org.gridlink.platform;

/** Minimum password rule: at least 8 characters with a letter and a digit. */
public final class PasswordPolicy {

	private PasswordPolicy() {
	}

	public static boolean isAcceptable(String password) {
		return password != null && password.length() >= 8 && password.length() <= 128
				&& password.chars().anyMatch(Character::isLetter) && password.chars().anyMatch(Character::isDigit);
	}
}
